import * as vscode from 'vscode';
import { registerBenchmark } from './benchmark/register';
import { registerCompiledSql } from './compiled/register';
import { registerErd } from './erd/register';
import { registerLineage } from './lineage/register';
import { registerPlan } from './plan/register';
import { registerResults } from './results/register';
import { ServerClient } from './server/client';
import { registerMcp } from './server/mcp';
import { projectOf } from './server/projects';
import { registerTargets } from './server/targets';
import { registerRuns } from './runs/register';
import { registerTests } from './tests/register';
import { registerTrees } from './trees/register';
import { registerContexts } from './walkthrough/contexts';

/** Starts the one dbtls server of the window and registers every feature on it. */
export async function activate(context: vscode.ExtensionContext): Promise<ServerClient> {
  const server = new ServerClient(context);
  context.subscriptions.push(
    server,
    vscode.commands.registerCommand('dbtls.restartServer', () => server.restart()),
    vscode.commands.registerCommand('dbtls.showServerLog', () => server.showLog()),
    vscode.commands.registerCommand('dbtls.statusActions', () => statusActions()),
    vscode.workspace.onDidOpenTextDocument((d) => useDbtSql(d, server)),
  );
  registerContexts(context, server);
  registerTargets(context, server);
  registerResults(context, server);
  registerPlan(context, server);
  registerBenchmark(context, server);
  registerLineage(context, server);
  registerErd(context, server);
  registerTrees(context, server);
  registerCompiledSql(context, server);
  registerRuns(context, server, registerTests(context, server));
  registerMcp(context, server);
  // dbt SQL for the open models at once; the server starts in the background (requests wait for it)
  await server.findProjects();
  vscode.workspace.textDocuments.forEach((d) => useDbtSql(d, server));
  void server.start();
  return server;
}

export function deactivate(): void {
  // the ServerClient is disposed with the context's subscriptions
}

/** A .sql file of a dbt project is dbt SQL (Jinja + SQL): our grammar, and the server's. */
function useDbtSql(d: vscode.TextDocument, server: ServerClient): void {
  if (d.uri.scheme === 'file' && d.languageId === 'sql' && projectOf(d.uri.fsPath, server.projectRoots)) {
    void vscode.languages.setTextDocumentLanguage(d, 'jinja-sql');
  }
}

async function statusActions(): Promise<void> {
  const picks = [
    { label: '$(target) Switch Target', command: 'dbtls.switchTarget' },
    { label: '$(debug-restart) Restart Language Server', command: 'dbtls.restartServer' },
    { label: '$(output) Show Server Log', command: 'dbtls.showServerLog' },
  ];
  const p = await vscode.window.showQuickPick(picks, { title: 'dbtls' });
  if (p) await vscode.commands.executeCommand(p.command);
}
