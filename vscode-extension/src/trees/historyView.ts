import * as vscode from 'vscode';
import type { DbtServer } from '../server/dbtServer';
import { messageOf } from '../server/dbtServer';
import { historyItems, type HistoryItem } from './historyItems';
import { ItemTree } from './itemTree';
import { openSql, runSql } from './sqlActions';

const PAGE = 100;
const MAX = 500; // dbt/history answers at most 500 entries
/** While the view is visible, it is read again this often (previews add entries). */
const POLL_MS = 20_000;

/**
 * Query History (view `dbtls.history`): `dbt/history`, newest first, of every project. Search
 * filters with dbt/history's `query`; "Run Again" runs the SQL through `dbtls.previewSql`;
 * "Open SQL" (and a click) opens it in a new editor.
 */
export function registerHistory(context: vscode.ExtensionContext, server: DbtServer): void {
  let filter: string | undefined;
  let limit = PAGE;
  const tree = new ItemTree<HistoryItem>(async () => {
    try {
      const r = await server.request('dbt/history', { query: filter, limit });
      const entries = r?.entries ?? [];
      return historyItems({ entries, error: r?.error, filter, more: entries.length >= limit && limit < MAX });
    } catch (e) {
      return historyItems({ error: messageOf(e), filter });
    }
  });
  const view = vscode.window.createTreeView('dbtls.history', { treeDataProvider: tree });
  const show = () => {
    view.description = filter ? `“${filter}”` : undefined;
    tree.refresh();
  };
  const poll = setInterval(() => {
    if (view.visible && vscode.window.state.focused && server.running) tree.refresh();
  }, POLL_MS);
  poll.unref?.();
  context.subscriptions.push(
    tree,
    view,
    { dispose: () => clearInterval(poll) },
    server.onDidChangeState(() => tree.refresh()),
    view.onDidChangeVisibility((e) => e.visible && tree.refresh()),
    vscode.commands.registerCommand('dbtls.history.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('dbtls.history.search', async () => {
      const text = await vscode.window.showInputBox({
        title: 'Search Query History',
        prompt: 'Words every query must contain in its SQL or error (any case); empty: show all',
        value: filter ?? '',
        placeHolder: 'e.g. orders',
      });
      if (text === undefined) return;
      filter = text.trim() || undefined;
      limit = PAGE;
      show();
    }),
    vscode.commands.registerCommand('dbtls.history.more', () => {
      limit = Math.min(MAX, limit + PAGE);
      tree.refresh();
    }),
    vscode.commands.registerCommand('dbtls.history.rerun', async (item?: HistoryItem) => {
      const e = item?.entry;
      if (!e) return void vscode.window.showWarningMessage('dbt: pick a query of the history to run again.');
      await runSql(e.sql ?? '', e.project, item.label);
      tree.refresh();
    }),
    vscode.commands.registerCommand('dbtls.history.open', async (item?: HistoryItem) => {
      const e = item?.entry;
      if (!e) return void vscode.window.showWarningMessage('dbt: pick a query of the history to open.');
      await openSql(e.sql ?? '');
    }),
  );
}
