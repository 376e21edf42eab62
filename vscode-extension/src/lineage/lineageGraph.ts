// The graph the Lineage view draws: dbt/lineage answers merged (the first, then each expansion),
// with each node's hidden parents and children counted against the merged graph. Plain data, no
// vscode: shared by the view's bundle and the unit tests.
import type { LastRun, LineageNode, LineageResult, Range } from '../protocol.generated';

export interface GraphNode {
  id: string;
  resourceType: string;
  name: string;
  packageName: string;
  materialization?: string;
  uri?: string;
  range?: Range;
  description?: string;
  /** Negative upstream of the root, 0 the root, positive downstream (expansions included). */
  depth: number;
  /** Its parents and children in the project (of the kinds asked for), whether drawn or not. */
  parents: number;
  children: number;
  /** Of those, how many are not drawn. */
  hiddenUp: number;
  hiddenDown: number;
  /** How it ended in the last dbt run on the project's target (the server's run history). */
  lastRun?: LastRun;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
}

export interface LineageGraph {
  root?: string;
  message?: string;
  truncated: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function edgeId(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

function degrees(edges: GraphEdge[]): { into: Map<string, number>; out: Map<string, number> } {
  const into = new Map<string, number>();
  const out = new Map<string, number>();
  for (const e of edges) {
    into.set(e.to, (into.get(e.to) ?? 0) + 1);
    out.set(e.from, (out.get(e.from) ?? 0) + 1);
  }
  return { into, out };
}

function node(n: LineageNode, depth: number, parents: number, children: number): GraphNode {
  return {
    id: n.id ?? '',
    resourceType: n.resourceType ?? 'model',
    name: n.name ?? n.id ?? '',
    packageName: n.packageName ?? '',
    materialization: n.materialization,
    uri: n.uri,
    range: n.range,
    description: n.description,
    depth,
    parents,
    children,
    hiddenUp: 0,
    hiddenDown: 0,
    lastRun: n.lastRun,
  };
}

/** The answer's nodes with their total parents and children (hidden + drawn in that answer). */
function readAnswer(r: LineageResult, depthOffset: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const edges = (r.edges ?? [])
    .filter((e) => e.from && e.to)
    .map((e) => ({ id: edgeId(e.from!, e.to!), from: e.from!, to: e.to! }));
  const { into, out } = degrees(edges);
  const nodes = (r.nodes ?? [])
    .filter((n) => n.id)
    .map((n) =>
      node(
        n,
        n.depth + depthOffset,
        n.hiddenUpstream + (into.get(n.id!) ?? 0),
        n.hiddenDownstream + (out.get(n.id!) ?? 0),
      ),
    );
  return { nodes, edges };
}

/** Hidden counts against the graph's own edges. */
function counted(g: LineageGraph): LineageGraph {
  const { into, out } = degrees(g.edges);
  return {
    ...g,
    nodes: g.nodes.map((n) => ({
      ...n,
      hiddenUp: Math.max(0, n.parents - (into.get(n.id) ?? 0)),
      hiddenDown: Math.max(0, n.children - (out.get(n.id) ?? 0)),
    })),
  };
}

/** The graph of one dbt/lineage answer. */
export function fromResult(r: LineageResult): LineageGraph {
  const { nodes, edges } = readAnswer(r, 0);
  return counted({ root: r.root, message: r.message, truncated: r.truncated, nodes, edges });
}

/**
 * {@code g} with the answer for one of its nodes ({@code around}) merged in: new nodes placed
 * relative to it, nodes already drawn kept as they are, edges unioned. A new graph; {@code g} is
 * not changed.
 */
export function merge(g: LineageGraph, around: string, r: LineageResult): LineageGraph {
  const anchor = g.nodes.find((n) => n.id === around);
  const { nodes, edges } = readAnswer(r, anchor?.depth ?? 0);
  const known = new Set(g.nodes.map((n) => n.id));
  const knownEdges = new Set(g.edges.map((e) => e.id));
  return counted({
    ...g,
    truncated: g.truncated || r.truncated,
    nodes: [...g.nodes, ...nodes.filter((n) => !known.has(n.id))],
    edges: [...g.edges, ...edges.filter((e) => !knownEdges.has(e.id))],
  });
}

/** The colour family of a resource type (a CSS class suffix). */
export function typeClass(resourceType: string): string {
  return ['source', 'seed', 'model', 'snapshot', 'test', 'exposure', 'analysis'].includes(resourceType)
    ? resourceType
    : 'other';
}

/** A last run's status as the card's mark says it: "built", "passed", "failed"…; a CSS suffix too. */
export function lastRunWord(status: string): string {
  return (
    { success: 'built', pass: 'passed', warn: 'warned', fail: 'failed', error: 'error', skipped: 'skipped' }[
      status
    ] ?? status
  );
}
