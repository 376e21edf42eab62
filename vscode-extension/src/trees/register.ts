import type * as vscode from 'vscode';
import type { DbtServer } from '../server/dbtServer';
import { registerExplorer } from './explorerView';
import { registerHistory } from './historyView';
import { registerSaved } from './savedView';

/** The dbt activity bar's tree views: Database Explorer, Query History, Saved Queries. */
export function registerTrees(context: vscode.ExtensionContext, server: DbtServer): void {
  registerExplorer(context, server);
  registerHistory(context, server);
  registerSaved(context, server);
}
