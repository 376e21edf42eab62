import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColumnEdgeKind, ColumnLineageColumn } from '../../src/protocol.generated';
import {
  cardEdges,
  cardHeight,
  CARD_HEAD,
  columnCount,
  columnGraph,
  columnUnderCursor,
  FILTER_ROW,
  KnownColumns,
  ROW_HEIGHT,
} from '../../src/lineage/columnGraph';
import { layout, NODE_WIDTH } from '../../src/lineage/layout';
import { JAFFLE_LIFETIME_VALUE, JAFFLE_STG_ORDERS_CUSTOMER_ID, SHOP_NO_COLUMN } from '../recorded';

test('a real answer: one card per node, the root first with its column first, edges between rows by kind', () => {
  const g = columnGraph(JAFFLE_LIFETIME_VALUE);
  assert.equal(g.root, 'model.jaffle_shop.customers.v2');
  assert.equal(g.rootColumn, 'lifetime_value');
  assert.deepEqual(
    g.cards.map((k) => k.id),
    [
      'model.jaffle_shop.customers.v2',
      'model.jaffle_shop.orders',
      'model.jaffle_shop.stg_customers',
      'model.jaffle_shop.stg_orders',
      'model.jaffle_shop.order_payments',
      'seed.jaffle_shop.shop_orders',
      'model.jaffle_shop.stg_payments',
      'source.jaffle_shop.shop_raw.shop_payments',
    ],
  );
  const root = g.cards[0];
  assert.deepEqual(
    root.rows.map((r) => [r.name, r.root]),
    [['lifetime_value', true]],
  );
  assert.deepEqual(
    g.cards[1].rows.map((r) => r.name),
    ['is_returned', 'amount', 'customer_id'],
  );
  assert.equal(g.cards[1].rows[1].type, 'decimal(28,6)');
  // every column of the answer is a row, every edge of the answer an edge
  assert.equal(columnCount(g), JAFFLE_LIFETIME_VALUE.columns!.length);
  assert.equal(g.edges.length, JAFFLE_LIFETIME_VALUE.edges!.length);
  const amount = g.edges.find((e) => e.from === 'model.jaffle_shop.stg_payments' && e.fromRow === 'amount')!;
  assert.deepEqual(
    [amount.to, amount.toRow, amount.kind],
    ['model.jaffle_shop.order_payments', 'total_amount', 'aggregated'],
  );
  assert.deepEqual(
    new Set(g.edges.map((e) => e.kind)),
    new Set(['aggregated', 'filter_join', 'passed_through', 'computed']),
  );
  // the source's columns are not all known: its card says so
  assert.equal(g.cards.find((k) => k.resourceType === 'source')!.complete, false);
  assert.equal(root.complete, true);
  // cards are placed by the nodes' edges, parents left of children
  const ce = cardEdges(g);
  assert.equal(new Set(ce.map((e) => `${e.from}>${e.to}`)).size, ce.length);
  const p = layout(
    g.cards.map((k) => ({ id: k.id, height: cardHeight(k) })),
    ce,
  );
  for (const e of ce)
    assert.ok(p.get(e.from)!.x + NODE_WIDTH <= p.get(e.to)!.x, `${e.from} is not left of ${e.to}`);
});

test("filter uses without a column end at the node's filter row, listed last", () => {
  const g = columnGraph(JAFFLE_STG_ORDERS_CUSTOMER_ID);
  const v1 = g.cards.find((k) => k.id === 'model.jaffle_shop.customers.v1')!;
  assert.deepEqual(
    v1.rows.map((r) => [r.key, r.name]),
    [[FILTER_ROW, undefined]],
  );
  const e = g.edges.find((x) => x.to === 'model.jaffle_shop.customers.v1')!;
  assert.deepEqual([e.toRow, e.kind], [FILTER_ROW, 'filter_join']);
  assert.equal(columnCount(g), 6, 'filter rows are not columns');
  assert.equal(cardHeight(v1), CARD_HEAD + ROW_HEIGHT + 6);
  // two versions of one model are told apart by their ids
  assert.deepEqual(
    g.cards.filter((k) => k.id.startsWith('model.jaffle_shop.customers')).map((k) => k.name),
    ['customers.v1', 'customers.v2'],
  );
  assert.equal(g.cards.find((k) => k.id === 'model.jaffle_shop.orders')!.name, 'orders');
  // downstream depths are kept
  assert.ok(v1.rows[0].depth > 0);
});

test('no root: the message, no cards; notes and truncation kept; unknown kinds and unlisted columns still drawn', () => {
  const none = columnGraph(SHOP_NO_COLUMN);
  assert.equal(none.root, undefined);
  assert.equal(none.message, 'customers has no column nope');
  assert.equal(none.cards.length, 0);
  const col = (nodeId: string, column: string | undefined, depth: number): ColumnLineageColumn => ({
    nodeId,
    column,
    nodeName: nodeId.split('.').pop(),
    resourceType: 'model',
    depth,
    nodeColumnsComplete: true,
  });
  const g = columnGraph({
    nodeId: 'model.s.b',
    column: 'X',
    truncated: true,
    notes: ['a: model.s.raw: only YAML lists its columns'],
    columns: [col('model.s.b', 'X', 0), col('model.s.a', 'y', -1)],
    edges: [
      { fromNode: 'model.s.a', fromColumn: 'y', toNode: 'model.s.b', toColumn: 'x', kind: 'renamed' },
      {
        fromNode: 'model.s.a',
        fromColumn: 'z',
        toNode: 'model.s.b',
        toColumn: 'x',
        kind: 'someday_new' as ColumnEdgeKind,
      },
      {
        fromNode: 'model.s.a',
        fromColumn: 'z',
        toNode: 'model.s.b',
        toColumn: 'x',
        kind: 'someday_new' as ColumnEdgeKind,
      },
    ],
  });
  assert.equal(g.truncated, true);
  assert.deepEqual(g.notes, ['a: model.s.raw: only YAML lists its columns']);
  // names are matched ignoring case (the edge says x, the column X)
  assert.deepEqual(
    g.cards[0].rows.map((r) => r.name),
    ['X'],
  );
  assert.deepEqual(
    g.cards[1].rows.map((r) => r.name),
    ['y', 'z'],
  );
  assert.deepEqual(
    g.edges.map((e) => e.kind),
    ['renamed', 'other'],
  );
});

test('the columns met so far, per node, for a pick', () => {
  const known = new KnownColumns();
  assert.deepEqual(known.of('model.jaffle_shop.orders'), []);
  known.remember(JAFFLE_LIFETIME_VALUE);
  known.remember(JAFFLE_STG_ORDERS_CUSTOMER_ID);
  assert.deepEqual(
    known.of('model.jaffle_shop.orders').map((c) => [c.name, c.type]),
    [
      ['amount', 'decimal(28,6)'],
      ['customer_id', 'integer'],
      ['customer_order_number', 'bigint'],
      ['is_returned', 'boolean'],
    ],
  );
  // a filter row is no column
  assert.deepEqual(known.of('model.jaffle_shop.customers.v1'), []);
  // dbt/columns adds the columns no lineage met, keeping the types known
  known.rememberColumns({
    nodeId: 'model.jaffle_shop.orders',
    complete: true,
    columns: [
      { name: 'order_id', type: 'integer', origin: 'sql' },
      { name: 'amount', origin: 'yaml' },
    ],
  });
  assert.deepEqual(
    known.of('model.jaffle_shop.orders').map((c) => [c.name, c.type]),
    [
      ['amount', 'decimal(28,6)'],
      ['customer_id', 'integer'],
      ['customer_order_number', 'bigint'],
      ['is_returned', 'boolean'],
      ['order_id', 'integer'],
    ],
  );
  // an answer without a node (the server's message) adds nothing
  known.rememberColumns({ message: 'no node model.x.y', complete: false, columns: [{ name: 'z' }] });
  known.rememberColumns(null);
  assert.deepEqual(known.of('model.x.y'), []);
});

test("the column under the cursor: the select item's alias, a YAML name, the word, the column after alias.", () => {
  const line = '    coalesce(o.lifetime_value, 0) as lifetime_value,';
  assert.equal(columnUnderCursor(line, 6), 'lifetime_value');
  assert.equal(columnUnderCursor(line, line.length - 3), 'lifetime_value');
  assert.equal(columnUnderCursor('    cast(amount as decimal(10, 2)) as amount', 10), 'amount');
  assert.equal(columnUnderCursor('      - name: lifetime_value', 4), 'lifetime_value');
  assert.equal(columnUnderCursor('    c.full_name,', 6), 'full_name');
  assert.equal(columnUnderCursor('    c.full_name,', 4), 'full_name');
  assert.equal(columnUnderCursor('    customer_id,', 8), 'customer_id');
  assert.equal(columnUnderCursor('    customer_id,', 15), 'customer_id');
  assert.equal(columnUnderCursor('select 42', 8), undefined);
  assert.equal(columnUnderCursor('', 0), undefined);
  assert.equal(columnUnderCursor('   ,  ', 4), undefined);
});
