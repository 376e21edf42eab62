import * as vscode from 'vscode';
import { makeRoomForViews } from '../webview/viewColumn';
import type { DbtServer } from '../server/dbtServer';
import { messageOf } from '../server/dbtServer';
import { LensArgument, targetDocument } from '../editorTarget';
import { columnUnderCursor } from './columnGraph';
import { askColumnLineage, ColumnTarget, pickColumn } from './columnPick';
import { LineagePanel, LineageTarget } from './lineagePanel';

/**
 * `dbtls.lineage`: the Lineage view of a node — the code lens's ({uri, uniqueId}), a file's (a
 * vscode.Uri from a menu), or the active editor's model. `dbtls.columnLineage`: one column's
 * lineage — the argument's ({uri, uniqueId, column}), else the column under the cursor of the
 * active editor, else one picked from the model's columns.
 */
export function registerLineage(context: vscode.ExtensionContext, server: DbtServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dbtls.lineage', async (arg?: LensArgument | vscode.Uri) => {
      const target = lineageTarget(arg);
      if (!target) return;
      await makeRoomForViews();
      LineagePanel.show(server, target);
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'dbtls.columnLineage',
      (arg?: (LensArgument & { column?: string }) | vscode.Uri) => showColumnLineage(server, arg),
    ),
  );
}

async function showColumnLineage(
  server: DbtServer,
  arg?: (LensArgument & { column?: string }) | vscode.Uri,
): Promise<void> {
  await makeRoomForViews();
  if (arg && !(arg instanceof vscode.Uri) && arg.column) {
    LineagePanel.showColumn(server, { uri: arg.uri, nodeId: arg.uniqueId, column: arg.column });
    return;
  }
  const doc = targetDocument(arg);
  if (!doc) return;
  const uri = doc.uri.toString();
  const editor = vscode.window.activeTextEditor;
  const cursor = editor?.document === doc ? editor.selection.active : undefined;
  const word = cursor ? columnUnderCursor(doc.lineAt(cursor.line).text, cursor.character) : undefined;
  let why: string | undefined;
  if (word) {
    try {
      const answer = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `dbt: lineage of ${word}` },
        () => askColumnLineage(server, { uri, column: word }),
      );
      if (!answer) return;
      if (answer.nodeId) {
        LineagePanel.showColumn(
          server,
          { uri, nodeId: answer.nodeId, column: answer.column ?? word },
          answer,
        );
        return;
      }
      why = answer.message;
    } catch (e) {
      void vscode.window.showErrorMessage(`dbt: Show Lineage of Column failed: ${messageOf(e)}`);
      return;
    }
  }
  const target: ColumnTarget | undefined = await pickColumn(
    server,
    { uri, name: fileName(doc.uri.path) },
    why,
  );
  if (target) LineagePanel.showColumn(server, target);
}

function lineageTarget(arg?: LensArgument | vscode.Uri): LineageTarget | undefined {
  if (arg instanceof vscode.Uri) return { uri: arg.toString(), label: fileName(arg.path) };
  if (arg?.uniqueId)
    return { uri: arg.uri, nodeId: arg.uniqueId, label: arg.uniqueId.split('.').pop() ?? arg.uniqueId };
  const doc = targetDocument(arg);
  return doc ? { uri: doc.uri.toString(), label: fileName(doc.uri.path) } : undefined;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
}
