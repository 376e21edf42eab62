// Where the ERD view puts its cards: the tables that relationships join laid out left to right by
// dagre (src/lineage/layout.ts), the tables no relationship touches in rows below them, so that a
// selection without relationships is a grid, not one tall column. Pure; memoized by the view.
import { layout, NODE_WIDTH, Positioned } from '../lineage/layout';
import { cardEdges, cardHeight, ErdGraph } from './erdGraph';

const GAP = 24;
/** Between ranks: room for the edges' labels. */
const RANKSEP = 120;

export function erdLayout(g: ErdGraph, perRow = 4): Map<string, Positioned> {
  const edges = cardEdges(g);
  const joined = new Set<string>();
  for (const e of g.edges) {
    joined.add(e.from);
    joined.add(e.to);
  }
  const related = g.cards.filter((k) => joined.has(k.id));
  const alone = g.cards.filter((k) => !joined.has(k.id));
  const out = related.length
    ? layout(
        related.map((k) => ({ id: k.id, height: cardHeight(k) })),
        edges,
        RANKSEP,
      )
    : new Map<string, Positioned>();
  let top = 10;
  for (const k of related) {
    const p = out.get(k.id)!;
    top = Math.max(top, p.y + cardHeight(k) + GAP * 2);
  }
  if (!related.length) top = 10;
  for (let i = 0; i < alone.length; i += perRow) {
    const row = alone.slice(i, i + perRow);
    row.forEach((k, j) => out.set(k.id, { id: k.id, x: 10 + j * (NODE_WIDTH + GAP), y: top }));
    top += Math.max(...row.map(cardHeight)) + GAP;
  }
  return out;
}
