import * as vscode from 'vscode';
import type { DbtServer } from '../server/dbtServer';
import { LensArgument, targetDocument } from '../editorTarget';
import { LineagePanel, LineageTarget } from './lineagePanel';

/**
 * `dbtls.lineage`: the Lineage view of a node — the code lens's ({uri, uniqueId}), a file's (a
 * vscode.Uri from a menu), or the active editor's model.
 */
export function registerLineage(context: vscode.ExtensionContext, server: DbtServer): void {
  context.subscriptions.push(vscode.commands.registerCommand('dbtls.lineage', (arg?: LensArgument | vscode.Uri) => {
    const target = lineageTarget(arg);
    if (target) LineagePanel.show(server, target);
  }));
}

function lineageTarget(arg?: LensArgument | vscode.Uri): LineageTarget | undefined {
  if (arg instanceof vscode.Uri) return { uri: arg.toString(), label: fileName(arg.path) };
  if (arg?.uniqueId) return { uri: arg.uri, nodeId: arg.uniqueId, label: arg.uniqueId.split('.').pop() ?? arg.uniqueId };
  const doc = targetDocument(arg);
  return doc ? { uri: doc.uri.toString(), label: fileName(doc.uri.path) } : undefined;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
}
