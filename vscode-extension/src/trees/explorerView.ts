import * as vscode from 'vscode';
import type { Range } from '../protocol.generated';
import { isCancellation, messageOf, type DbtServer } from '../server/dbtServer';
import { explorerItems, type ExplorerItem, type ProjectCatalog } from './catalogTree';
import { ItemTree } from './itemTree';
import { insertAtCursor } from './sqlActions';

/**
 * The Database Explorer (view `dbtls.explorer`): each project's nodes by folder and its
 * warehouse's schemas, tables and columns, from `dbt/catalog`. Read when first shown, on
 * "Refresh" and whenever the server (re)starts. Rows: see catalogTree.ts.
 */
export function registerExplorer(context: vscode.ExtensionContext, server: DbtServer): void {
  let pending: vscode.CancellationTokenSource | undefined;
  const tree = new ItemTree<ExplorerItem>(() => {
    pending?.cancel();
    const cts = (pending = new vscode.CancellationTokenSource());
    const load = loadExplorer(server, cts.token);
    void vscode.window.withProgress({ location: { viewId: 'dbtls.explorer' } }, () =>
      load.catch(() => undefined),
    );
    return load.finally(() => cts.dispose());
  });
  const view = vscode.window.createTreeView('dbtls.explorer', {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  context.subscriptions.push(
    tree,
    view,
    { dispose: () => pending?.cancel() },
    server.onDidChangeState(() => tree.refresh()),
    vscode.commands.registerCommand('dbtls.refreshExplorer', () => tree.refresh()),
    vscode.commands.registerCommand('dbtls.explorer.open', (item?: ExplorerItem) => openNode(item)),
    vscode.commands.registerCommand('dbtls.explorer.insertRef', (item?: ExplorerItem) =>
      insertAtCursor(item?.insert?.ref, 'ref()'),
    ),
    vscode.commands.registerCommand('dbtls.explorer.insertSource', (item?: ExplorerItem) =>
      insertAtCursor(item?.insert?.source, 'source()'),
    ),
    vscode.commands.registerCommand('dbtls.explorer.insertColumn', (item?: ExplorerItem) =>
      insertAtCursor(item?.insert?.column, 'column name'),
    ),
  );
}

/** Every project of dbt/projects with its dbt/catalog, as rows; a failure is the one row saying why. */
export async function loadExplorer(
  server: DbtServer,
  token: vscode.CancellationToken,
): Promise<ExplorerItem[]> {
  const projects = (await server.request('dbt/projects', {}, token))?.projects ?? [];
  const catalogs = await Promise.all(
    projects.map(async (p): Promise<ProjectCatalog> => {
      const project = { name: p.name ?? '?', uri: p.uri ?? '' };
      try {
        const result = await server.request('dbt/catalog', { uri: projectDocumentUri(project.uri) }, token);
        return { project, result };
      } catch (e) {
        return {
          project,
          error: isCancellation(e)
            ? 'Reading the catalog was cancelled: refresh to read it again.'
            : messageOf(e),
        };
      }
    }),
  );
  return explorerItems(catalogs);
}

/** A document of the project whose folder is `folderUri`, for the `uri` param of dbt/catalog. */
function projectDocumentUri(folderUri: string): string {
  return `${folderUri.replace(/\/+$/, '')}/dbt_project.yml`;
}

async function openNode(item?: ExplorerItem): Promise<void> {
  if (!item?.open) {
    void vscode.window.showWarningMessage('dbt: this item has no file to open.');
    return;
  }
  try {
    const selection = item.open.range ? toRange(item.open.range) : undefined;
    await vscode.window.showTextDocument(vscode.Uri.parse(item.open.uri), { selection, preview: true });
  } catch (e) {
    void vscode.window.showErrorMessage(`dbt: cannot open ${item.open.uri}: ${messageOf(e)}`);
  }
}

/** The cursor at the start of the definition (a model's range may be its whole file). */
function toRange(r: Range): vscode.Range | undefined {
  if (!r.start) return undefined;
  const start = new vscode.Position(Math.max(0, r.start.line), Math.max(0, r.start.character));
  return new vscode.Range(start, start);
}
