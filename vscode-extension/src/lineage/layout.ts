// Left-to-right layout of the lineage graph with dagre: parents left, children right. Pure; the
// view memoizes it per graph, so panning and zooming never lay out again.
import dagre from '@dagrejs/dagre';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 58;
/** Above this many nodes the layout trades looks for speed. */
const BIG = 150;

export interface Positioned {
  id: string;
  x: number;
  y: number;
}

/** Top-left corner of each node (NODE_HEIGHT high unless it says). */
export function layout(
  nodes: Array<{ id: string; height?: number }>,
  edges: Array<{ from: string; to: string }>,
  ranksep = 110,
): Map<string, Positioned> {
  const g = new dagre.graphlib.Graph();
  // dagre's default ranker (network simplex) takes seconds on a few hundred nodes; tight-tree
  // looks as good on small graphs, longest-path stays well under a second on large ones
  const ranker = nodes.length > BIG ? 'longest-path' : 'tight-tree';
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep, marginx: 10, marginy: 10, ranker });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: n.height ?? NODE_HEIGHT });
  for (const e of edges) {
    if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  }
  dagre.layout(g);
  const out = new Map<string, Positioned>();
  for (const n of nodes) {
    const p = g.node(n.id);
    out.set(n.id, {
      id: n.id,
      x: (p?.x ?? 0) - NODE_WIDTH / 2,
      y: (p?.y ?? 0) - (n.height ?? NODE_HEIGHT) / 2,
    });
  }
  return out;
}
