import * as vscode from 'vscode';
import type { SavedQuery } from '../protocol.generated';
import { messageOf, type DbtServer } from '../server/dbtServer';
import { projectOf } from '../server/projects';
import { ItemTree } from './itemTree';
import { normalizeFolder, parseTags, savedItems, type SavedItem } from './savedItems';
import { openSql, runSql } from './sqlActions';

/**
 * Saved Queries (view `dbtls.saved`): `dbt/savedQueries` by folder, tags in the description.
 * "dbt: Save Query" files the active editor's selection (or whole text) via `dbt/saveQuery`;
 * open, run (`dbtls.previewSql`) and delete (`dbt/deleteQuery`, after asking).
 */
export function registerSaved(context: vscode.ExtensionContext, server: DbtServer): void {
  const tree = new ItemTree<SavedItem>(async () => {
    try {
      const r = await server.request('dbt/savedQueries', {});
      return savedItems({ queries: r?.queries ?? [], error: r?.error });
    } catch (e) {
      return savedItems({ error: messageOf(e) });
    }
  });
  const view = vscode.window.createTreeView('dbtls.saved', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    tree,
    view,
    server.onDidChangeState(() => tree.refresh()),
    vscode.commands.registerCommand('dbtls.saved.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('dbtls.saveQuery', () => saveQuery(server, tree)),
    vscode.commands.registerCommand('dbtls.saved.open', async (item?: SavedItem) => {
      if (!item?.query) return void vscode.window.showWarningMessage('dbt: pick a saved query to open.');
      await openSql(item.query.sql ?? '');
    }),
    vscode.commands.registerCommand('dbtls.saved.run', async (item?: SavedItem) => {
      if (!item?.query) return void vscode.window.showWarningMessage('dbt: pick a saved query to run.');
      await runSql(item.query.sql ?? '', item.query.project, item.query.name ?? 'Saved query');
    }),
    vscode.commands.registerCommand('dbtls.saved.delete', async (item?: SavedItem) => {
      const q = item?.query;
      if (q?.id === undefined)
        return void vscode.window.showWarningMessage('dbt: pick a saved query to delete.');
      const ok = await vscode.window.showWarningMessage(
        `Delete the saved query “${q.name}”?`,
        { modal: true },
        'Delete',
      );
      if (ok !== 'Delete') return;
      try {
        const r = await server.request('dbt/deleteQuery', { id: q.id });
        if (r?.error) void vscode.window.showErrorMessage(`dbt: cannot delete “${q.name}”: ${r.error}`);
      } catch (e) {
        void vscode.window.showErrorMessage(`dbt: cannot delete “${q.name}”: ${messageOf(e)}`);
      }
      tree.refresh();
    }),
  );
}

/** dbt: Save Query — the active editor's selection, or its whole text, under a name, folder and tags. */
async function saveQuery(server: DbtServer, tree: ItemTree<SavedItem>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor)
    return void vscode.window.showWarningMessage(
      'dbt: open an editor with the SQL to save (its selection, or all of it).',
    );
  const doc = editor.document;
  const sql = editor.selection.isEmpty ? doc.getText() : doc.getText(editor.selection);
  if (!sql.trim()) return void vscode.window.showWarningMessage('dbt: there is no SQL to save here.');

  let existing: SavedQuery[] = [];
  let folders: string[] = [];
  try {
    const r = await server.request('dbt/savedQueries', {});
    existing = r?.queries ?? [];
    folders = r?.folders ?? [];
  } catch {
    // the save below says why the server cannot answer
  }
  const suggested =
    editor.selection.isEmpty && !doc.isUntitled
      ? doc.uri.path
          .split('/')
          .pop()
          ?.replace(/\.[^.]*$/, '')
      : undefined;
  const name = await vscode.window.showInputBox({
    title: 'Save Query (1/3): name',
    prompt: editor.selection.isEmpty
      ? 'Name of the saved query (the whole text of the editor)'
      : 'Name of the saved query (the selected SQL)',
    value: suggested,
    validateInput: (v) => (v.trim() ? undefined : 'A saved query needs a name.'),
  });
  if (name === undefined) return;
  const folderInput = await vscode.window.showInputBox({
    title: 'Save Query (2/3): folder (optional)',
    prompt: `Folder to file it in; a/b nests b in a; empty: none.${folders.length ? ` In use: ${folders.join(', ')}` : ''}`,
    placeHolder: folders[0] ? `e.g. ${folders[0]}` : 'e.g. finance/monthly',
  });
  if (folderInput === undefined) return;
  const tagsInput = await vscode.window.showInputBox({
    title: 'Save Query (3/3): tags (optional)',
    prompt: 'Tags, separated by commas or spaces; empty: none',
    placeHolder: 'e.g. daily, revenue',
  });
  if (tagsInput === undefined) return;

  const folder = normalizeFolder(folderInput);
  const query: SavedQuery = {
    name: name.trim(),
    folder,
    tags: parseTags(tagsInput),
    sql,
    project: await projectDir(server, doc),
  };
  const same = existing.find((q) => q.name === query.name && normalizeFolder(q.folder) === folder);
  if (same) {
    const where = folder ? ` in ${folder}` : '';
    const ok = await vscode.window.showWarningMessage(
      `A saved query “${query.name}”${where} exists. Replace it?`,
      { modal: true },
      'Replace',
    );
    if (ok !== 'Replace') return;
    query.id = same.id;
    query.description = same.description;
  }
  try {
    const r = await server.request('dbt/saveQuery', query);
    if (r?.error) return void vscode.window.showErrorMessage(`dbt: cannot save “${query.name}”: ${r.error}`);
  } catch (e) {
    return void vscode.window.showErrorMessage(`dbt: cannot save “${query.name}”: ${messageOf(e)}`);
  }
  tree.refresh();
  void vscode.window.setStatusBarMessage(`dbt: saved “${query.name}”`, 4000);
}

/** The folder (a path) of the dbt project the document belongs to, if any. */
async function projectDir(server: DbtServer, doc: vscode.TextDocument): Promise<string | undefined> {
  if (doc.uri.scheme !== 'file') return undefined;
  try {
    const projects = (await server.request('dbt/projects', {}))?.projects ?? [];
    const roots = projects.flatMap((p) => (p.uri ? [vscode.Uri.parse(p.uri).fsPath] : []));
    return projectOf(doc.uri.fsPath, roots);
  } catch {
    return undefined;
  }
}
