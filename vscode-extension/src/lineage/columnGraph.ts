// The graph the Lineage view draws for one column: a dbt/columnLineage answer grouped into one
// card per node, each card a row per column of the answer, edges between rows styled by kind.
// Plain data, no vscode: shared by the view's bundle and the unit tests.
import type {
  ColumnEdgeKind,
  ColumnLineageColumn,
  ColumnLineageResult,
  ColumnsResult,
  Range,
} from '../protocol.generated';

/** The kinds of docs/protocol.md's ColumnLineageEdge, in the legend's order. */
export const EDGE_KINDS: Array<{ kind: ColumnEdgeKind; label: string; title: string }> = [
  { kind: 'passed_through', label: 'passed through', title: 'the same values under the same name' },
  { kind: 'renamed', label: 'renamed', title: 'the same values under another name' },
  { kind: 'computed', label: 'computed', title: 'an expression or window function reads it' },
  { kind: 'aggregated', label: 'aggregated', title: 'an aggregate function reads it' },
  {
    kind: 'filter_join',
    label: 'filter / join',
    title: 'read in where, on, group by, having, qualify or order by: it decides which rows, not the values',
  },
];
export type EdgeKind = ColumnEdgeKind | 'other';

/** The row of a card that stands for "the node reads it only to filter or join rows". */
export const FILTER_ROW = '';

export interface ColumnRow {
  /** The column lower-cased (names are matched ignoring case), FILTER_ROW for the filter row. */
  key: string;
  /** The column as the node produces it; undefined on the filter row. */
  name?: string;
  type?: string;
  typeOrigin?: string;
  description?: string;
  uri?: string;
  range?: Range;
  /** Negative upstream, 0 the root, positive downstream. */
  depth: number;
  root: boolean;
}

export interface ColumnCard {
  id: string;
  name: string;
  resourceType: string;
  /** Where the node is: its first row's file (for a click on the card's title). */
  uri?: string;
  /** Every column of the node is known (else some are left out: a star over unknown columns, unreadable SQL). */
  complete: boolean;
  depth: number;
  rows: ColumnRow[];
}

export interface ColumnEdge {
  id: string;
  from: string;
  fromRow: string;
  to: string;
  toRow: string;
  kind: EdgeKind;
}

export interface ColumnGraph {
  /** The root node and its column as the node spells it; undefined when there is no answer. */
  root?: string;
  rootColumn?: string;
  message?: string;
  notes: string[];
  truncated: boolean;
  cards: ColumnCard[];
  edges: ColumnEdge[];
}

export function rowKey(column?: string | null): string {
  return column ? column.toLowerCase() : FILTER_ROW;
}

function kindOf(kind?: string): EdgeKind {
  return EDGE_KINDS.some((k) => k.kind === kind) ? (kind as EdgeKind) : 'other';
}

function row(c: ColumnLineageColumn, root: boolean): ColumnRow {
  return {
    key: rowKey(c.column),
    name: c.column ?? undefined,
    type: c.type,
    typeOrigin: c.typeOrigin,
    description: c.description,
    uri: c.uri,
    range: c.range,
    depth: c.depth,
    root,
  };
}

/** The cards and edges of one answer: the root's card first, then each node in the answer's order. */
export function columnGraph(r: ColumnLineageResult): ColumnGraph {
  const cards = new Map<string, ColumnCard>();
  const rootKey = rowKey(r.column);
  const card = (nodeId: string, c?: ColumnLineageColumn): ColumnCard => {
    let k = cards.get(nodeId);
    if (!k) {
      k = {
        id: nodeId,
        name: c?.nodeName ?? nodeId,
        resourceType: c?.resourceType ?? 'relation',
        uri: c?.uri,
        complete: c?.nodeColumnsComplete ?? true,
        depth: c?.depth ?? 0,
        rows: [],
      };
      cards.set(nodeId, k);
    }
    return k;
  };
  const addRow = (k: ColumnCard, key: string, make: () => ColumnRow): void => {
    if (!k.rows.some((x) => x.key === key)) k.rows.push(make());
  };
  for (const c of r.columns ?? []) {
    if (!c.nodeId) continue;
    const k = card(c.nodeId, c);
    if (!c.nodeColumnsComplete) k.complete = false;
    const root = c.nodeId === r.nodeId && rowKey(c.column) === rootKey;
    addRow(k, rowKey(c.column), () => row(c, root));
  }
  const edges: ColumnEdge[] = [];
  const seen = new Set<string>();
  for (const e of r.edges ?? []) {
    if (!e.fromNode || !e.toNode) continue;
    const fromRow = rowKey(e.fromColumn);
    const toRow = rowKey(e.toColumn);
    const id = [e.fromNode, fromRow, e.toNode, toRow, e.kind].join('\u0000');
    if (seen.has(id)) continue;
    seen.add(id);
    // an edge may end at a column the answer did not list (e.g. cut by maxColumns): it gets a row
    for (const [nodeId, key, name] of [
      [e.fromNode, fromRow, e.fromColumn],
      [e.toNode, toRow, e.toColumn],
    ] as const) {
      const k = card(nodeId);
      addRow(k, key, () => ({ key, name: name ?? undefined, depth: k.depth, root: false }));
    }
    edges.push({ id, from: e.fromNode, fromRow, to: e.toNode, toRow, kind: kindOf(e.kind) });
  }
  const ordered = [...cards.values()];
  // the filter row last in each card, the root's row first in its card
  for (const k of ordered) {
    k.rows.sort(
      (a, b) =>
        Number(b.root) - Number(a.root) || Number(a.key === FILTER_ROW) - Number(b.key === FILTER_ROW),
    );
  }
  ordered.sort((a, b) => Number(b.id === r.nodeId) - Number(a.id === r.nodeId));
  // two nodes of one name (a model's versions): each by its unique id without type and package
  const names = new Map<string, number>();
  for (const k of ordered) names.set(k.name, (names.get(k.name) ?? 0) + 1);
  for (const k of ordered) {
    if ((names.get(k.name) ?? 0) > 1 && k.id.split('.').length > 2)
      k.name = k.id.split('.').slice(2).join('.');
  }
  return {
    root: r.nodeId ?? undefined,
    rootColumn: r.column ?? undefined,
    message: r.message ?? undefined,
    notes: r.notes ?? [],
    truncated: r.truncated,
    cards: r.nodeId ? ordered : [],
    edges: r.nodeId ? edges : [],
  };
}

/** The node-to-node edges under the column edges (what the layout places cards by). */
export function cardEdges(g: ColumnGraph): Array<{ from: string; to: string }> {
  const seen = new Set<string>();
  const out: Array<{ from: string; to: string }> = [];
  for (const e of g.edges) {
    const id = `${e.from}\u0000${e.to}`;
    if (e.from === e.to || seen.has(id)) continue;
    seen.add(id);
    out.push({ from: e.from, to: e.to });
  }
  return out;
}

/** How many columns the graph shows (filter rows not counted). */
export function columnCount(g: ColumnGraph): number {
  return g.cards.reduce((n, k) => n + k.rows.filter((r) => r.key !== FILTER_ROW).length, 0);
}

const IDENT = /[A-Za-z0-9_$]/;

/**
 * The column a cursor on this line most likely means, or undefined: in a select item with an
 * alias (`sum(o.amount) as total`) the column it produces, in a YAML `name:` entry its value,
 * else the identifier under the cursor (the part after the dot of `alias.column`), unquoted.
 */
export function columnUnderCursor(line: string, character: number): string | undefined {
  const yaml = /^\s*(?:-\s*)?name:\s*["']?([A-Za-z_][\w$]*)["']?\s*$/.exec(line);
  if (yaml) return yaml[1];
  const alias = /\bas\s+["`]?([A-Za-z_][\w$]*)["`]?\s*,?\s*(?:--.*)?$/i.exec(line);
  if (alias && character <= alias.index + alias[0].length) return alias[1];
  let start = Math.min(character, line.length);
  let end = start;
  while (start > 0 && IDENT.test(line[start - 1])) start--;
  while (end < line.length && IDENT.test(line[end])) end++;
  if (start === end) return undefined;
  const word = line.slice(start, end);
  // on the alias of alias.column: the column after the dot
  if (line[end] === '.') {
    let after = end + 1;
    while (after < line.length && IDENT.test(line[after])) after++;
    return after > end + 1 ? line.slice(end + 1, after) : undefined;
  }
  return /^[0-9]/.test(word) ? undefined : word;
}

/** A column card's height in the view (lineage.css: .col-head and .col-row). */
export const CARD_HEAD = 46;
export const ROW_HEIGHT = 22;
export function cardHeight(k: ColumnCard): number {
  return CARD_HEAD + ROW_HEIGHT * k.rows.length + 6;
}

export interface KnownColumn {
  name: string;
  type?: string;
  description?: string;
}

/**
 * The columns of each node met so far, in dbt/columnLineage answers and dbt/columns answers (the
 * request that lists a node's columns): what a column pick offers.
 */
export class KnownColumns {
  private readonly byNode = new Map<string, Map<string, KnownColumn>>();

  rememberColumns(r: ColumnsResult | null | undefined): void {
    for (const c of r?.columns ?? []) {
      if (r?.nodeId && c.name) this.put(r.nodeId, { name: c.name, type: c.type, description: c.description });
    }
  }

  private put(nodeId: string, c: KnownColumn): void {
    let m = this.byNode.get(nodeId);
    if (!m) this.byNode.set(nodeId, (m = new Map()));
    const known = m.get(rowKey(c.name));
    m.set(rowKey(c.name), {
      name: c.name,
      type: c.type ?? known?.type,
      description: c.description ?? known?.description,
    });
  }

  remember(r: ColumnLineageResult): void {
    for (const c of r.columns ?? []) {
      if (c.nodeId && c.column)
        this.put(c.nodeId, { name: c.column, type: c.type, description: c.description });
    }
  }

  /** The node's columns met so far, by name. */
  of(nodeId: string): KnownColumn[] {
    return [...(this.byNode.get(nodeId)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  }
}
