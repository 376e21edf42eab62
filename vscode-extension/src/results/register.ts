import * as vscode from 'vscode';
import { makeRoomForViews } from '../webview/viewColumn';
import { LensArgument, targetDocument } from '../editorTarget';
import type { DbtServer } from '../server/dbtServer';
import { ResultsPanel, exportWhole } from './resultsPanel';
import { modelName } from './resultTabs';

/** The argument of `dbtls.previewSql`, the command other features use to preview any SQL. */
export interface PreviewSqlArgument {
  sql: string;
  /** A document of the project the SQL belongs to; default: the active editor's. */
  uri?: string;
  /** The tab's title; default `Query N`. */
  title?: string;
}

/**
 * dbt: Preview Model, Preview Selection, Export Results, and `dbtls.previewSql` — all shown in
 * one results panel beside the editor, a tab per preview.
 */
export function registerResults(context: vscode.ExtensionContext, server: DbtServer): void {
  const results = new ResultsPanel(server);
  context.subscriptions.push(
    results,
    vscode.commands.registerCommand('dbtls.preview', async (arg?: LensArgument | vscode.Uri) => {
      const doc = targetDocument(arg);
      if (!doc) return;
      await makeRoomForViews();
      const uniqueId = arg && !(arg instanceof vscode.Uri) ? arg.uniqueId : undefined;
      return results.preview({
        uri: doc.uri.toString(),
        uniqueId,
        title: modelName(doc.uri.toString(), uniqueId),
      });
    }),
    vscode.commands.registerCommand('dbtls.previewSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage('dbt: select SQL in a file of a dbt project first.');
        return;
      }
      await makeRoomForViews();
      const sql = editor.document.getText(editor.selection);
      // no selection: the whole model, as Preview does
      if (!sql.trim())
        return results.preview({
          uri: editor.document.uri.toString(),
          title: modelName(editor.document.uri.toString()),
        });
      return results.preview({ uri: editor.document.uri.toString(), sql });
    }),
    vscode.commands.registerCommand('dbtls.previewSql', (arg?: PreviewSqlArgument) => {
      if (!arg || typeof arg.sql !== 'string' || !arg.sql.trim()) {
        void vscode.window.showWarningMessage('dbt: there is no SQL to preview.');
        return;
      }
      const uri = arg.uri ?? projectDocument(server);
      if (!uri) {
        void vscode.window.showWarningMessage('dbt: open a file of the dbt project to run this SQL in.');
        return;
      }
      return results.preview({ uri, sql: arg.sql, title: arg.title });
    }),
    vscode.commands.registerCommand('dbtls.exportResults', async () => {
      if (await results.exportActive()) return;
      const doc = vscode.window.activeTextEditor?.document;
      if (doc && doc.languageId === 'jinja-sql') {
        await exportWhole(server, { uri: doc.uri.toString() }, modelName(doc.uri.toString()));
        return;
      }
      void vscode.window.showWarningMessage('dbt: nothing to export: preview a model first, or open one.');
    }),
  );
}

/** A document to compile ad-hoc SQL in: the active dbt file, an open one, or the first project's dbt_project.yml. */
function projectDocument(server: DbtServer): string | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.languageId === 'jinja-sql') return active.uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.languageId === 'jinja-sql');
  if (open) return open.uri.toString();
  const root = (server as { projectRoots?: string[] }).projectRoots?.[0];
  return root ? vscode.Uri.joinPath(vscode.Uri.file(root), 'dbt_project.yml').toString() : undefined;
}
