import * as vscode from 'vscode';
import type { ColumnLineageParams, ColumnLineageResult } from '../protocol.generated';
import { DbtServer, isCancellation, messageOf } from '../server/dbtServer';
import { KnownColumns } from './columnGraph';

/** The columns met in every answer of this window: what a pick offers. */
export const knownColumns = new KnownColumns();

/** The lineage of one column: a document or a unique id (or both), and the column. */
export interface ColumnTarget {
  uri?: string;
  nodeId?: string;
  column: string;
}

/** The server's answer while a build's columns are not inferred yet: worth asking again shortly. */
const NOT_YET = /still being inferred/;
const RETRY_MS = 500;
const RETRIES = 40;

/**
 * dbt/columnLineage, remembered in knownColumns; undefined when cancelled. Failures throw. While
 * the server says the columns are still being inferred (right after an edit), asks again for up
 * to 20 s, then gives its answer as it is.
 */
export async function askColumnLineage(
  server: DbtServer,
  params: ColumnLineageParams,
  token?: vscode.CancellationToken,
): Promise<ColumnLineageResult | undefined> {
  try {
    for (let attempt = 0; ; attempt++) {
      const r = await server.request('dbt/columnLineage', params, token);
      const result = r ?? {
        message: 'The server has no column lineage for this node.',
        columns: [],
        edges: [],
        notes: [],
        truncated: false,
      };
      if (attempt < RETRIES && NOT_YET.test(result.message ?? '') && !token?.isCancellationRequested) {
        await new Promise((done) => setTimeout(done, RETRY_MS));
        if (token?.isCancellationRequested) return undefined;
        continue;
      }
      knownColumns.remember(result);
      return result;
    }
  } catch (e) {
    if (isCancellation(e)) return undefined;
    throw e;
  }
}

/** The node's columns from dbt/columns, into knownColumns; on failure the pick offers the columns met so far. */
async function listColumns(server: DbtServer, uri: string | undefined, nodeId: string): Promise<void> {
  try {
    knownColumns.rememberColumns(await server.request('dbt/columns', { uri, nodeId }));
  } catch {
    // a server without dbt/columns
  }
}

/**
 * Asks the user for a column of a node: a quick pick of its columns met so far (any other name
 * can be typed). `why` titles the pick (e.g. the server's "customers has no column c").
 */
export async function pickColumn(
  server: DbtServer,
  node: { uri?: string; nodeId?: string; name?: string },
  why?: string,
): Promise<ColumnTarget | undefined> {
  let { nodeId, name } = node;
  if (!nodeId && node.uri) {
    // which node the document defines (its name for the prompt, its id for the columns met)
    try {
      const l = await server.request('dbt/lineage', { uri: node.uri, upstreamDepth: 0, downstreamDepth: 0 });
      nodeId = l?.root;
      name = l?.nodes?.find((n) => n.id === l.root)?.name ?? name;
      if (!nodeId) {
        void vscode.window.showWarningMessage(`dbt: ${l?.message ?? 'this file defines no dbt node'}`);
        return undefined;
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`dbt: Show Lineage of Column failed: ${messageOf(e)}`);
      return undefined;
    }
  }
  if (nodeId) await listColumns(server, node.uri, nodeId);
  const known = nodeId ? knownColumns.of(nodeId) : [];
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = why ?? `Column lineage of ${name ?? nodeId}`;
  pick.placeholder = known.length
    ? `A column of ${name ?? nodeId} (or type another column's name)`
    : `Type the name of a column of ${name ?? nodeId}`;
  pick.items = known.map((c) => ({ label: c.name, description: c.type, detail: c.description }));
  const column = await new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return column ? { uri: node.uri, nodeId, column } : undefined;
}
