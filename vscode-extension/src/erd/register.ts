import * as vscode from 'vscode';
import { makeRoomForViews } from '../webview/viewColumn';
import type { DbtServer } from '../server/dbtServer';
import type { LensArgument } from '../editorTarget';
import { projectOf } from '../server/projects';
import { fileSelector, nodeSelector, parseSelector } from './erdGraph';
import { ErdPanel, ErdTarget } from './erdPanel';

/**
 * `dbtls.erd`: the entity-relationship diagram. From a file's menu (a vscode.Uri) or a code lens
 * ({uri, uniqueId}): that model with its ancestors and descendants. From the palette: a selector
 * typed in, prefilled with the active dbt SQL file's model.
 */
export function registerErd(
  context: vscode.ExtensionContext,
  server: DbtServer & { readonly projectRoots?: readonly string[] },
): void {
  const selectorOf = (uri: vscode.Uri) =>
    fileSelector(uri.fsPath, projectOf(uri.fsPath, server.projectRoots ?? []));
  context.subscriptions.push(
    vscode.commands.registerCommand('dbtls.erd', async (arg?: LensArgument | vscode.Uri) => {
      const direct = directTarget(arg, selectorOf);
      const target = direct ?? (await askSelector(activeTarget(selectorOf)));
      if (!target) return;
      await makeRoomForViews();
      ErdPanel.show(server, target, askSelector);
    }),
  );
}

function directTarget(
  arg: LensArgument | vscode.Uri | undefined,
  selectorOf: (u: vscode.Uri) => string[],
): ErdTarget | undefined {
  if (arg instanceof vscode.Uri) return { uri: arg.toString(), select: selectorOf(arg) };
  if (arg?.uniqueId) return { uri: arg.uri, select: nodeSelector(arg.uniqueId) };
  return undefined;
}

/** The active editor's model, when it is dbt SQL; else the whole project. */
function activeTarget(selectorOf: (u: vscode.Uri) => string[]): ErdTarget {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.languageId === 'jinja-sql') return { uri: doc.uri.toString(), select: selectorOf(doc.uri) };
  return { uri: doc?.uri.toString(), select: [] };
}

async function askSelector(current: ErdTarget): Promise<ErdTarget | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'dbt: Show ERD',
    prompt: 'dbt selector (e.g. +customers, tag:finance, models/marts); empty: every model of the project',
    value: current.select.join(' '),
  });
  return typed === undefined ? undefined : { uri: current.uri, select: parseSelector(typed) };
}
