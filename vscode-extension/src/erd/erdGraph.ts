// The graph the ERD view draws: a dbt/erd answer as one table card per entity (a row per column)
// and one edge per relationship, from the referring column's row to the referred column's row.
// Plain data, no vscode: shared by the view's bundle, the panel and the unit tests.
import type { ErdResult } from '../protocol.generated';

/** The three sources of docs/protocol.md's ErdRelationship, in the legend's (and the server's) order. */
export const RELATIONSHIP_SOURCES = [
  {
    source: 'relationships_test',
    label: 'relationships test',
    title: 'a relationships data test: every value of the column is in the other column',
  },
  {
    source: 'foreign_key_constraint',
    label: 'foreign key',
    title: 'a foreign_key constraint declared on the column',
  },
  {
    source: 'warehouse_foreign_key',
    label: 'warehouse key',
    title: 'a foreign key declared in the warehouse (read from the database)',
  },
] as const;

/** The row a relationship attaches to when it names no column (a constraint without to_columns). */
export const TABLE_ROW = '';

export interface ErdRow {
  /** The column lower-cased (names match ignoring case). */
  key: string;
  name: string;
  type?: string;
  description?: string;
  /** A key of a relationship drawn here (from or to). */
  related: boolean;
}

export interface ErdCard {
  id: string;
  name: string;
  resourceType: string;
  uri?: string;
  /** False: outside the selection, reached by a relationship only (rows: the related columns). */
  selected: boolean;
  rows: ErdRow[];
}

export interface ErdEdge {
  id: string;
  from: string;
  fromRow: string;
  to: string;
  /** TABLE_ROW when the relationship names no column of `to`. */
  toRow: string;
  /** The first of `sources`: it styles the edge. */
  source: string;
  /** Every declaration of the edge (a test the warehouse's key confirms: both). */
  sources: string[];
  /** The warehouse's name of the key (the edges of a composite key share it). */
  constraint?: string;
  label: string;
}

export interface ErdGraph {
  cards: ErdCard[];
  edges: ErdEdge[];
  message?: string;
  truncated: boolean;
}

export const CARD_HEAD = 46;
export const ROW_HEIGHT = 22;

export function cardHeight(k: ErdCard): number {
  // a card without columns has one line saying so
  return CARD_HEAD + ROW_HEIGHT * Math.max(1, k.rows.length) + 6;
}

/** A source's name in the label of an edge several sources declare (it has to fit between two cards). */
function shortLabel(source: string): string {
  return (
    { relationships_test: 'test', foreign_key_constraint: 'FK', warehouse_foreign_key: 'warehouse' }[
      source
    ] ?? source
  );
}

export function sourceLabel(source: string | undefined): string {
  return RELATIONSHIP_SOURCES.find((s) => s.source === source)?.label ?? source ?? 'relationship';
}

/**
 * The cards and edges of an answer. A relationship whose column a card does not list (an entity
 * outside the selection has no columns) adds that column to the card, so every edge has both
 * ends; a relationship to an entity the answer does not hold is left out.
 */
export function erdGraph(r: ErdResult | null | undefined): ErdGraph {
  const cards: ErdCard[] = [];
  const byId = new Map<string, ErdCard>();
  for (const e of r?.entities ?? []) {
    if (!e.nodeId || byId.has(e.nodeId)) continue;
    const rows: ErdRow[] = [];
    const seen = new Set<string>();
    for (const c of e.columns ?? []) {
      if (!c.name || seen.has(c.name.toLowerCase())) continue;
      seen.add(c.name.toLowerCase());
      rows.push({
        key: c.name.toLowerCase(),
        name: c.name,
        type: c.type ?? undefined,
        description: c.description ?? undefined,
        related: false,
      });
    }
    const card: ErdCard = {
      id: e.nodeId,
      name: displayName(e.nodeId, e.name, e.resourceType),
      resourceType: e.resourceType ?? 'model',
      uri: e.uri ?? undefined,
      selected: e.selected,
      rows,
    };
    cards.push(card);
    byId.set(card.id, card);
  }
  const edges: ErdEdge[] = [];
  const ids = new Set<string>();
  for (const rel of r?.relationships ?? []) {
    const from = rel.fromNode ? byId.get(rel.fromNode) : undefined;
    const to = rel.toNode ? byId.get(rel.toNode) : undefined;
    if (!from || !to || !rel.fromColumn) continue;
    const fromRow = rowOf(from, rel.fromColumn);
    const toRow = rel.toColumn ? rowOf(to, rel.toColumn) : TABLE_ROW;
    const sources = rel.sources?.length ? rel.sources : [rel.source ?? 'other'];
    const source = rel.source ?? sources[0];
    const id = `${from.id}.${fromRow}->${to.id}.${toRow}:${source}`;
    if (ids.has(id)) continue;
    ids.add(id);
    edges.push({
      id,
      from: from.id,
      fromRow,
      to: to.id,
      toRow,
      source,
      sources,
      constraint: rel.constraint ?? undefined,
      label: sources.length === 1 ? sourceLabel(source) : sources.map(shortLabel).join(' + '),
    });
  }
  return { cards, edges, message: r?.message ?? undefined, truncated: r?.truncated ?? false };
}

/**
 * A card's title: the name, with a model's version (`customers v2`) and a source's source name
 * (`shop_raw.shop_payments`), so that two cards never read the same.
 */
export function displayName(
  nodeId: string,
  name: string | undefined,
  resourceType: string | undefined,
): string {
  const n = name ?? nodeId.split('.').pop() ?? nodeId;
  const parts = nodeId.split('.');
  const version = /^v(\d+)$/.exec(parts[parts.length - 1] ?? '');
  if (resourceType === 'model' && version && parts.length >= 4) return `${n} v${version[1]}`;
  if (resourceType === 'source' && parts.length >= 4) return `${parts[parts.length - 2]}.${n}`;
  return n;
}

/** The key of the card's row for a column, added (and marked related) when missing. */
function rowOf(card: ErdCard, column: string): string {
  const key = column.toLowerCase();
  let row = card.rows.find((x) => x.key === key);
  if (!row) {
    row = { key, name: column, related: true };
    card.rows.push(row);
  }
  row.related = true;
  return key;
}

/** One edge per pair of cards, for the layout (several relationships between two tables rank once). */
export function cardEdges(g: ErdGraph): Array<{ from: string; to: string }> {
  const seen = new Set<string>();
  const out: Array<{ from: string; to: string }> = [];
  for (const e of g.edges) {
    if (e.from === e.to) continue;
    const k = `${e.from}\n${e.to}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ from: e.from, to: e.to });
  }
  return out;
}

/** At most this many selected nodes in the default diagram of a model. */
export const DEFAULT_MAX_NODES = 40;

/**
 * The selector of a file's diagram: its node with the ancestors and descendants. By path within
 * its project when the project's folder is known (a versioned model's file name is not its name),
 * else by the file's name.
 */
export function fileSelector(file: string, projectRoot?: string): string[] {
  const f = file.replace(/\\/g, '/');
  const root = projectRoot?.replace(/\\/g, '/').replace(/\/+$/, '');
  if (root && f.startsWith(`${root}/`)) return [`+path:${f.slice(root.length + 1)}+`];
  const name = f.slice(f.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return [`+${name}+`];
}

/** The selector of a node's diagram by unique id: its name (without a version), with its family. */
export function nodeSelector(uniqueId: string): string[] {
  const parts = uniqueId.split('.');
  const name =
    parts.length >= 4 && /^v\d+$/.test(parts[parts.length - 1])
      ? parts[parts.length - 2]
      : parts[parts.length - 1];
  return [`+${name}+`];
}

/** A typed selector as dbt's `--select` reads it: words separated by spaces; empty is the whole project. */
export function parseSelector(text: string): string[] {
  return text.split(/\s+/).filter((s) => s.length > 0);
}

/** The panel's title for a selection. */
export function erdTitle(select: string[]): string {
  return select.length ? `ERD: ${select.join(' ')}` : 'ERD: project';
}
