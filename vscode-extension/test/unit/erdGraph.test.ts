// The ERD view's graph (src/erd/erdGraph.ts) from real dbt/erd answers (test/views/erd.recorded.ts)
// and from answers that are odd on purpose: every relationship gets both ends, names stay apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cardEdges,
  cardHeight,
  displayName,
  erdGraph,
  erdTitle,
  fileSelector,
  nodeSelector,
  parseSelector,
  TABLE_ROW,
} from '../../src/erd/erdGraph';
import { erdLayout } from '../../src/erd/erdLayout';
import { NODE_WIDTH } from '../../src/lineage/layout';
import {
  JAFFLE_NOTHING_SELECTED,
  JAFFLE_ORDERS_FAMILY,
  JAFFLE_TRUNCATED,
  SHOP_WAREHOUSE_KEYS,
} from '../recorded';

test('a card per entity, an edge per relationship from column row to column row', () => {
  const g = erdGraph(JAFFLE_ORDERS_FAMILY);
  assert.equal(g.cards.length, JAFFLE_ORDERS_FAMILY.entities!.length);
  assert.equal(g.edges.length, JAFFLE_ORDERS_FAMILY.relationships!.length);
  const orders = g.cards.find((k) => k.id === 'model.jaffle_shop.orders')!;
  assert.deepEqual(
    orders.rows.slice(0, 2).map((r) => [r.name, r.type, r.related]),
    [
      ['order_id', 'integer', false],
      ['customer_id', 'integer', true],
    ],
  );
  const fk = g.edges.find((e) => e.source === 'foreign_key_constraint')!;
  assert.deepEqual(
    [fk.from, fk.fromRow, fk.to, fk.toRow, fk.label],
    [
      'model.jaffle_shop.orders',
      'customer_id',
      'model.jaffle_shop.stg_customers',
      'customer_id',
      'foreign key',
    ],
  );
  assert.equal(g.edges.filter((e) => e.label === 'relationships test').length, 3);
  // every edge's ends are rows of its cards
  for (const e of g.edges) {
    assert.ok(
      g.cards.find((k) => k.id === e.from)!.rows.some((r) => r.key === e.fromRow),
      e.id,
    );
    assert.ok(
      g.cards.find((k) => k.id === e.to)!.rows.some((r) => r.key === e.toRow),
      e.id,
    );
  }
  assert.equal(g.truncated, false);
});

test('an entity outside the selection lists the columns relationships reach', () => {
  const g = erdGraph(JAFFLE_ORDERS_FAMILY);
  const outside = g.cards.find((k) => k.id === 'model.jaffle_shop.stg_customers')!;
  assert.equal(outside.selected, false);
  assert.deepEqual(
    outside.rows.map((r) => [r.name, r.related]),
    [['customer_id', true]],
  );
});

test('versions and sources are told apart in the titles', () => {
  const g = erdGraph(JAFFLE_ORDERS_FAMILY);
  const names = g.cards.map((k) => k.name);
  assert.ok(names.includes('customers v1') && names.includes('customers v2'), names.join());
  assert.ok(names.includes('shop_raw.shop_payments'), names.join());
  assert.equal(displayName('seed.shop.v2', 'v2', 'seed'), 'v2');
  assert.equal(displayName('model.shop.orders', undefined, 'model'), 'orders');
});

test('nothing selected and a cut answer say so', () => {
  const none = erdGraph(JAFFLE_NOTHING_SELECTED);
  assert.deepEqual([none.cards.length, none.edges.length], [0, 0]);
  assert.equal(erdGraph(JAFFLE_TRUNCATED).truncated, true);
  assert.deepEqual(erdGraph(null), { cards: [], edges: [], message: undefined, truncated: false });
  assert.equal(
    erdGraph({ message: 'cannot read selector', truncated: false }).message,
    'cannot read selector',
  );
});

test('a relationship without a target column attaches to the table; unknown ends and repeats are left out', () => {
  const g = erdGraph({
    truncated: false,
    entities: [
      {
        nodeId: 'model.s.a',
        name: 'a',
        resourceType: 'model',
        selected: true,
        columns: [{ name: 'B_ID', type: 'int' }, { name: 'b_id' }],
      },
      { nodeId: 'model.s.b', name: 'b', resourceType: 'model', selected: false, columns: [] },
    ],
    relationships: [
      { fromNode: 'model.s.a', fromColumn: 'b_id', toNode: 'model.s.b', source: 'foreign_key_constraint' },
      { fromNode: 'model.s.a', fromColumn: 'b_id', toNode: 'model.s.b', source: 'foreign_key_constraint' },
      {
        fromNode: 'model.s.a',
        fromColumn: 'b_id',
        toNode: 'model.s.gone',
        toColumn: 'id',
        source: 'relationships_test',
      },
      {
        fromNode: 'model.s.a',
        fromColumn: 'x',
        toNode: 'model.s.b',
        toColumn: 'Id',
        source: 'relationships_test',
      },
    ],
  });
  const a = g.cards[0];
  assert.deepEqual(
    a.rows.map((r) => [r.name, r.related]),
    [
      ['B_ID', true],
      ['x', true],
    ],
  );
  assert.deepEqual(
    g.edges.map((e) => [e.fromRow, e.toRow]),
    [
      ['b_id', TABLE_ROW],
      ['x', 'id'],
    ],
  );
  assert.deepEqual(
    g.cards[1].rows.map((r) => r.name),
    ['Id'],
  );
  assert.deepEqual(cardEdges(g), [{ from: 'model.s.a', to: 'model.s.b' }]);
  assert.ok(cardHeight(a) > cardHeight(g.cards[1]));
});

test('selectors: a file by its path in the project, a node by its name, with their family, typed words, the title', () => {
  assert.deepEqual(fileSelector('/w/shop/models/marts/customers_v2.sql', '/w/shop'), [
    '+path:models/marts/customers_v2.sql+',
  ]);
  assert.deepEqual(fileSelector('/w/shop/models/marts/orders.sql', '/w/shop/'), [
    '+path:models/marts/orders.sql+',
  ]);
  assert.deepEqual(fileSelector('C:\\w\\shop\\models\\orders.sql', 'C:\\w\\shop'), [
    '+path:models/orders.sql+',
  ]);
  assert.deepEqual(fileSelector('/elsewhere/orders.sql', '/w/shop'), ['+orders+']);
  assert.deepEqual(fileSelector('/w/shop/models/orders.sql'), ['+orders+']);
  assert.deepEqual(nodeSelector('model.shop.customers.v2'), ['+customers+']);
  assert.deepEqual(nodeSelector('model.shop.orders'), ['+orders+']);
  assert.deepEqual(parseSelector('  +orders  tag:x '), ['+orders', 'tag:x']);
  assert.deepEqual(parseSelector(''), []);
  assert.equal(erdTitle([]), 'ERD: project');
  assert.equal(erdTitle(['+orders+']), 'ERD: +orders+');
});

test('layout: joined tables by dagre, the others in rows below, no card over another', () => {
  const g = erdGraph(JAFFLE_ORDERS_FAMILY);
  const at = erdLayout(g, 3);
  assert.equal(at.size, g.cards.length);
  const joined = new Set(g.edges.flatMap((e) => [e.from, e.to]));
  const lowestJoined = Math.max(
    ...g.cards.filter((k) => joined.has(k.id)).map((k) => at.get(k.id)!.y + cardHeight(k)),
  );
  const alone = g.cards.filter((k) => !joined.has(k.id));
  assert.ok(alone.length > 0);
  for (const k of alone) assert.ok(at.get(k.id)!.y > lowestJoined, `${k.id} is below the joined tables`);
  assert.ok(
    new Set(alone.map((k) => at.get(k.id)!.y)).size <= Math.ceil(alone.length / 3),
    'the others share rows',
  );
  const boxes = g.cards.map((k) => ({ ...at.get(k.id)!, h: cardHeight(k) }));
  for (const a of boxes) {
    for (const b of boxes) {
      if (a.id >= b.id) continue;
      const apart =
        a.x + NODE_WIDTH <= b.x || b.x + NODE_WIDTH <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      assert.ok(apart, `${a.id} and ${b.id} overlap`);
    }
  }
  // no relationship at all: a grid from the top
  const none = erdGraph({ ...JAFFLE_ORDERS_FAMILY, relationships: [] });
  const grid = erdLayout(none, 4);
  assert.equal(new Set([...grid.values()].map((p) => p.y)).size, Math.ceil(none.cards.length / 4));
  assert.equal(Math.min(...[...grid.values()].map((p) => p.y)), 10);
});

test("the warehouse's keys: their own edges, one per column pair of a composite key, and the declarations they confirm", () => {
  const g = erdGraph(SHOP_WAREHOUSE_KEYS);
  assert.equal(g.edges.length, SHOP_WAREHOUSE_KEYS.relationships!.length);
  assert.deepEqual(g.edges.map((e) => [e.from, e.fromRow, e.to, e.toRow, e.source, e.label]).sort(), [
    [
      'model.shop.order_items',
      'order_id',
      'model.shop.orders',
      'id',
      'warehouse_foreign_key',
      'warehouse key',
    ],
    [
      'model.shop.order_items',
      'product_id',
      'model.shop.products',
      'id',
      'foreign_key_constraint',
      'FK + warehouse',
    ],
    [
      'model.shop.orders',
      'customer_id',
      'model.shop.customers',
      'id',
      'relationships_test',
      'test + warehouse',
    ],
    [
      'model.shop.shipments',
      'order_id',
      'model.shop.order_items',
      'order_id',
      'warehouse_foreign_key',
      'warehouse key',
    ],
    [
      'model.shop.shipments',
      'product_id',
      'model.shop.order_items',
      'product_id',
      'warehouse_foreign_key',
      'warehouse key',
    ],
  ]);
  const composite = g.edges.filter((e) => e.from === 'model.shop.shipments');
  assert.equal(new Set(composite.map((e) => e.constraint)).size, 1, 'one key, two column pairs');
  // an answer of a server before `sources`: the one source
  const old = erdGraph({
    ...SHOP_WAREHOUSE_KEYS,
    relationships: SHOP_WAREHOUSE_KEYS.relationships!.map((r) => ({ ...r, sources: undefined })),
  });
  assert.deepEqual(
    old.edges.map((e) => e.sources.length),
    old.edges.map(() => 1),
  );
});
