// Where the Lineage view looks when a graph is first drawn. Pure: the view gives the laid-out
// cards and its size, and sets React Flow's viewport to the answer.
import { NODE_HEIGHT, NODE_WIDTH, Positioned } from './layout';

/** React Flow's viewport: a card at (px, py) shows at (px * zoom + x, py * zoom + y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Below this the cards' names are specks (13 px text at 0.6 is 8 px). */
export const READABLE_ZOOM = 0.6;
/** A small graph is not blown up past this. */
export const MAX_FIRST_ZOOM = 1.25;
/** Room left around what is fitted, in screen pixels. */
const MARGIN = 16;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The first view of a graph in a `width` × `height` panel: every card when they all fit at a
 * readable zoom; else the root with its parents and children when they do; else the root in the
 * middle at the readable zoom (Fit view still shows everything).
 */
export function firstView(
  positions: Map<string, Positioned>,
  edges: Array<{ from: string; to: string }>,
  root: string | undefined,
  width: number,
  height: number,
): Viewport {
  const all = bounds([...positions.keys()], positions);
  if (!all) return { x: 0, y: 0, zoom: 1 };
  const whole = fit(all, width, height);
  if (whole.zoom >= READABLE_ZOOM || !root || !positions.has(root)) return whole;
  const near = new Set([root]);
  for (const e of edges) {
    if (e.from === root) near.add(e.to);
    if (e.to === root) near.add(e.from);
  }
  const family = fit(bounds([...near], positions)!, width, height);
  if (family.zoom >= READABLE_ZOOM) return family;
  return centre(bounds([root], positions)!, width, height, READABLE_ZOOM);
}

function bounds(ids: string[], positions: Map<string, Positioned>): Box | undefined {
  let box: Box | undefined;
  for (const id of ids) {
    const p = positions.get(id);
    if (!p) continue;
    const b = { left: p.x, top: p.y, right: p.x + NODE_WIDTH, bottom: p.y + NODE_HEIGHT };
    box = box
      ? {
          left: Math.min(box.left, b.left),
          top: Math.min(box.top, b.top),
          right: Math.max(box.right, b.right),
          bottom: Math.max(box.bottom, b.bottom),
        }
      : b;
  }
  return box;
}

/** The largest zoom (up to MAX_FIRST_ZOOM) that shows the box whole, centred. */
function fit(b: Box, width: number, height: number): Viewport {
  const zoom = Math.min(
    MAX_FIRST_ZOOM,
    Math.max(1, width - 2 * MARGIN) / (b.right - b.left),
    Math.max(1, height - 2 * MARGIN) / (b.bottom - b.top),
  );
  return centre(b, width, height, zoom);
}

function centre(b: Box, width: number, height: number, zoom: number): Viewport {
  return {
    x: width / 2 - ((b.left + b.right) / 2) * zoom,
    y: height / 2 - ((b.top + b.bottom) / 2) * zoom,
    zoom,
  };
}
