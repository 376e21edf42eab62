import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LineageNode, LineageResult } from '../../src/protocol.generated';
import { fromResult, merge, typeClass } from '../../src/lineage/lineageGraph';
import { layout, NODE_WIDTH } from '../../src/lineage/layout';

function n(
  id: string,
  depth: number,
  hiddenUpstream = 0,
  hiddenDownstream = 0,
  resourceType = 'model',
): LineageNode {
  return {
    id,
    name: id.split('.').pop(),
    resourceType,
    packageName: 'shop',
    depth,
    hiddenUpstream,
    hiddenDownstream,
  };
}

// customers with one parent drawn (stg_customers, whose source is hidden) and one child hidden
const first: LineageResult = {
  root: 'model.shop.customers',
  nodes: [n('model.shop.customers', 0, 0, 1), n('model.shop.stg_customers', -1, 1, 0)],
  edges: [{ from: 'model.shop.stg_customers', to: 'model.shop.customers' }],
  truncated: false,
};

test('one answer: nodes, edges and the hidden counts as the server gave them', () => {
  const g = fromResult(first);
  assert.equal(g.root, 'model.shop.customers');
  assert.equal(g.nodes.length, 2);
  assert.equal(g.edges.length, 1);
  const root = g.nodes.find((x) => x.id === g.root)!;
  assert.deepEqual([root.hiddenUp, root.hiddenDown, root.parents, root.children], [0, 1, 1, 1]);
  const stg = g.nodes.find((x) => x.id === 'model.shop.stg_customers')!;
  assert.deepEqual([stg.hiddenUp, stg.hiddenDown], [1, 0]);
});

test('expanding merges the answer around the node: new depths relative to it, counts drop', () => {
  const g = fromResult(first);
  const up = merge(g, 'model.shop.stg_customers', {
    root: 'model.shop.stg_customers',
    nodes: [n('model.shop.stg_customers', 0, 0, 1), n('source.shop.raw.customers', -1, 0, 0, 'source')],
    edges: [{ from: 'source.shop.raw.customers', to: 'model.shop.stg_customers' }],
    truncated: false,
  });
  assert.equal(up.nodes.length, 3);
  assert.equal(up.edges.length, 2);
  const source = up.nodes.find((x) => x.id === 'source.shop.raw.customers')!;
  assert.equal(source.depth, -2);
  assert.equal(up.nodes.find((x) => x.id === 'model.shop.stg_customers')!.hiddenUp, 0);
  // the root's hidden child is still hidden; the first graph is unchanged
  assert.equal(up.nodes.find((x) => x.id === 'model.shop.customers')!.hiddenDown, 1);
  assert.equal(g.nodes.length, 2);
  const down = merge(up, 'model.shop.customers', {
    root: 'model.shop.customers',
    nodes: [n('model.shop.customers', 0, 1, 0), n('model.shop.ltv', 1, 0, 0)],
    edges: [{ from: 'model.shop.customers', to: 'model.shop.ltv' }],
    truncated: true,
  });
  assert.equal(down.nodes.find((x) => x.id === 'model.shop.customers')!.hiddenDown, 0);
  assert.equal(down.nodes.find((x) => x.id === 'model.shop.ltv')!.depth, 1);
  assert.equal(down.truncated, true);
  // merging the same answer again adds nothing
  assert.equal(merge(down, 'model.shop.customers', { ...first }).nodes.length, 4);
});

test('an empty answer keeps its message', () => {
  const g = fromResult({
    message: "no node model.shop.x in project 'shop'",
    nodes: [],
    edges: [],
    truncated: false,
  });
  assert.equal(g.root, undefined);
  assert.equal(g.message, "no node model.shop.x in project 'shop'");
  assert.equal(g.nodes.length, 0);
});

test('resource types map to colour classes, unknown ones to other', () => {
  assert.equal(typeClass('source'), 'source');
  assert.equal(typeClass('exposure'), 'exposure');
  assert.equal(typeClass('semantic_model'), 'other');
});

test('layout puts parents left of children, for hundreds of nodes too', () => {
  const p = layout(
    [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ],
  );
  assert.ok(p.get('a')!.x + NODE_WIDTH <= p.get('b')!.x);
  assert.ok(p.get('b')!.x + NODE_WIDTH <= p.get('c')!.x);
  // 500 nodes in 5 layers, each with two parents in the layer before
  const nodes = Array.from({ length: 500 }, (_, i) => ({ id: `m${i}` }));
  const edges = nodes.slice(100).flatMap((_, i) => [
    { from: `m${i}`, to: `m${i + 100}` },
    { from: `m${((i * 7) % 100) + Math.floor(i / 100) * 100}`, to: `m${i + 100}` },
  ]);
  const big = layout(nodes, edges);
  assert.equal(big.size, 500);
  for (const e of edges)
    assert.ok(big.get(e.from)!.x + NODE_WIDTH <= big.get(e.to)!.x, `${e.from} is not left of ${e.to}`);
  // (how long it takes is measured by hand, not asserted: see the README's benchmarks)
});
