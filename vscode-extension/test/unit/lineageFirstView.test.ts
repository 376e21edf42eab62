import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstView, READABLE_ZOOM, Viewport } from '../../src/lineage/firstView';
import { layout, NODE_HEIGHT, NODE_WIDTH, Positioned } from '../../src/lineage/layout';

// customers with its two parents and their two seeds: three generations left to right
const edges = [
  { from: 'seed.raw_customers', to: 'model.stg_customers' },
  { from: 'seed.raw_orders', to: 'model.stg_orders' },
  { from: 'model.stg_customers', to: 'model.customers' },
  { from: 'model.stg_orders', to: 'model.customers' },
];
const ids = [
  'model.customers',
  'model.stg_customers',
  'model.stg_orders',
  'seed.raw_customers',
  'seed.raw_orders',
];
const positions = layout(
  ids.map((id) => ({ id })),
  edges,
);

/** The part of the card that shows in a width × height panel, 0 (none) to 1 (whole). */
function shown(p: Positioned, v: Viewport, width: number, height: number): number {
  const left = Math.max(0, p.x * v.zoom + v.x);
  const right = Math.min(width, (p.x + NODE_WIDTH) * v.zoom + v.x);
  const top = Math.max(0, p.y * v.zoom + v.y);
  const bottom = Math.min(height, (p.y + NODE_HEIGHT) * v.zoom + v.y);
  const part =
    (Math.max(0, right - left) * Math.max(0, bottom - top)) / (NODE_WIDTH * v.zoom * NODE_HEIGHT * v.zoom);
  return Math.abs(part - 1) < 1e-9 ? 1 : part; // (floating point: a card touching the edge is whole)
}

test('a panel half a window wide shows every card of three generations whole, at a readable zoom', () => {
  const v = firstView(positions, edges, 'model.customers', 640, 700);
  assert.ok(v.zoom >= READABLE_ZOOM, `zoom ${v.zoom}`);
  for (const id of ids) assert.equal(shown(positions.get(id)!, v, 640, 700), 1, `${id} is cut`);
});

test('a small graph in a wide panel is not blown up', () => {
  const v = firstView(positions, edges, 'model.customers', 3000, 2000);
  assert.equal(v.zoom, 1.25);
  for (const id of ids) assert.equal(shown(positions.get(id)!, v, 3000, 2000), 1);
});

test('too narrow for all: the root with its parents, if they are readable', () => {
  // the whole graph needs 3 card widths and 2 gaps; root and parents 2 and 1
  const v = firstView(positions, edges, 'model.customers', 400, 700);
  assert.ok(v.zoom >= READABLE_ZOOM);
  for (const id of ['model.customers', 'model.stg_customers', 'model.stg_orders'])
    assert.equal(shown(positions.get(id)!, v, 400, 700), 1, `${id} is cut`);
  assert.ok(shown(positions.get('seed.raw_orders')!, v, 400, 700) < 1, 'the seeds do not fit as well');
});

test('too narrow even for the parents: the root whole in the middle, readable', () => {
  const v = firstView(positions, edges, 'model.customers', 250, 700);
  assert.equal(v.zoom, READABLE_ZOOM);
  const root = positions.get('model.customers')!;
  assert.equal(shown(root, v, 250, 700), 1);
  const centre = (root.x + NODE_WIDTH / 2) * v.zoom + v.x;
  assert.ok(Math.abs(centre - 125) < 1e-9, `the root's centre is at ${centre}`);
});

test('no root (or no cards) still gives a view', () => {
  const v = firstView(positions, edges, undefined, 250, 700);
  assert.ok(v.zoom > 0 && v.zoom < READABLE_ZOOM, 'all of it, small: there is no root to centre on');
  assert.deepEqual(firstView(new Map(), [], undefined, 500, 500), { x: 0, y: 0, zoom: 1 });
});

test('as the view lays it out (generations 72 px apart), three generations fit the views column of a 1400 px window with its side bar open', () => {
  const tight = layout(
    ids.map((id) => ({ id })),
    edges,
    72,
  );
  const v = firstView(tight, edges, 'model.customers', 526, 754);
  assert.ok(v.zoom >= READABLE_ZOOM, `zoom ${v.zoom}`);
  for (const id of ids) assert.equal(shown(tight.get(id)!, v, 526, 754), 1, `${id} is cut`);
});
