import * as path from 'node:path';
import * as vscode from 'vscode';
import { LensArgument, targetDocument } from '../editorTarget';
import type { DbtServer } from '../server/dbtServer';
import type { DbtTests } from '../tests/dbtTests';
import { DbtRuns, type RunRequest } from './dbtRuns';
import type { RunItem } from './runItems';

/**
 * dbt: Build Model, Build Model and Children, Build Model and Parents, Run Model and Build Project
 * (dbt/run on the native runner), shown in the Runs view (`dbtls.runs`) with Cancel, and their
 * tests in the Testing view.
 */
export function registerRuns(context: vscode.ExtensionContext, server: DbtServer, tests: DbtTests): DbtRuns {
  const runs = new DbtRuns(server, tests);
  const view = vscode.window.createTreeView('dbtls.runs', { treeDataProvider: runs.tree });
  const model = (
    command: RunRequest['command'],
    select: (name: string) => string[] | undefined,
    target: (name: string) => string,
  ) => {
    return async (arg?: LensArgument | vscode.Uri) => {
      const document = targetDocument(arg);
      if (!document) return undefined;
      const name = path.basename(document.uri.path).replace(/\.(sql|py|ya?ml|csv)$/, '');
      void vscode.commands.executeCommand('dbtls.runs.focus');
      return runs.start({
        uri: document.uri.toString(),
        command,
        select: select(name),
        target: target(name),
      });
    };
  };
  context.subscriptions.push(
    runs,
    view,
    vscode.commands.registerCommand(
      'dbtls.buildModel',
      model(
        'build',
        () => undefined,
        (n) => n,
      ),
    ),
    vscode.commands.registerCommand(
      'dbtls.buildModelChildren',
      model(
        'build',
        (n) => [`${n}+`],
        (n) => `${n}+`,
      ),
    ),
    vscode.commands.registerCommand(
      'dbtls.buildModelParents',
      model(
        'build',
        (n) => [`+${n}`],
        (n) => `+${n}`,
      ),
    ),
    vscode.commands.registerCommand(
      'dbtls.runModel',
      model(
        'run',
        () => undefined,
        (n) => n,
      ),
    ),
    vscode.commands.registerCommand(
      'dbtls.buildProject',
      model(
        'build',
        () => ['*'],
        () => 'the project',
      ),
    ),
    vscode.commands.registerCommand('dbtls.runs.cancel', (item?: RunItem) => runs.cancel(item)),
    vscode.commands.registerCommand('dbtls.runs.openNode', async (item?: RunItem) => {
      const n = item?.node;
      if (!n?.uri) return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(n.uri));
      const start = n.range?.start;
      const selection = start
        ? new vscode.Range(start.line, start.character, start.line, start.character)
        : undefined;
      await vscode.window.showTextDocument(document, { selection, preview: true });
    }),
    vscode.commands.registerCommand('dbtls.runs.showLog', () => runs.output.show(true)),
  );
  return runs;
}
