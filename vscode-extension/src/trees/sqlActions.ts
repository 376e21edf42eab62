import * as path from 'node:path';
import * as vscode from 'vscode';
import { sqlLanguage } from './historyItems';

/** The argument of the internal command `dbtls.previewSql`: runs some SQL and shows its rows. */
export interface PreviewSqlArgument {
  sql: string;
  /** A document of the project to run it in. */
  uri?: string;
  title?: string;
}

/** Runs SQL of the history or a saved query in the project it belongs to (or the active editor's). */
export async function runSql(sql: string, projectDir: string | undefined, title: string): Promise<void> {
  if (!sql.trim()) {
    void vscode.window.showWarningMessage('dbt: this query has no SQL to run.');
    return;
  }
  const uri = projectDir
    ? projectDocument(projectDir)
    : vscode.window.activeTextEditor?.document.uri.toString();
  const arg: PreviewSqlArgument = { sql, uri, title };
  try {
    await vscode.commands.executeCommand('dbtls.previewSql', arg);
  } catch (e) {
    void vscode.window.showErrorMessage(`dbt: cannot run the query: ${(e as Error)?.message ?? e}`);
  }
}

/** Opens SQL in a new untitled editor (dbt SQL when it has Jinja). */
export async function openSql(sql: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: sqlLanguage(sql), content: sql });
  await vscode.window.showTextDocument(doc, { preview: false });
}

/** A document of the project in folder `dir` (a path), as the server's `uri` params want it. */
export function projectDocument(dir: string): string {
  return vscode.Uri.file(path.join(dir, 'dbt_project.yml')).toString();
}

/** Puts text at the cursor(s) of the active editor, replacing the selection. */
export async function insertAtCursor(text: string | undefined, what: string): Promise<void> {
  if (!text) {
    void vscode.window.showWarningMessage(`dbt: this item has no ${what} to insert.`);
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(`dbt: open an editor to insert ${text} into.`);
    return;
  }
  const done = await editor.edit((b) => editor.selections.forEach((s) => b.replace(s, text)));
  if (!done) {
    void vscode.window.showWarningMessage(`dbt: could not insert ${text} (is the editor read-only?).`);
    return;
  }
  await vscode.window.showTextDocument(editor.document, {
    viewColumn: editor.viewColumn,
    preserveFocus: false,
  });
}
