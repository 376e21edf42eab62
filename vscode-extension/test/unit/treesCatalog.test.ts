import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogResult } from '../../src/protocol.generated';
import { explorerItems, folderOf, type ExplorerItem } from '../../src/trees/catalogTree';

const project = { name: 'shop', uri: 'file:///w/shop' };
const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };

const catalog: CatalogResult = {
  target: 'dev',
  cut: false,
  millis: 12,
  relations: [
    {
      database: 'shop',
      schema: 'main',
      name: 'orders',
      kind: 'table',
      columns: [
        { name: 'order_id', databaseType: 'INTEGER', type: 'integer' },
        { name: 'amount', databaseType: 'DECIMAL(10,2)', type: 'decimal' },
      ],
      nodeId: 'model.shop.orders',
      resourceType: 'model',
      uri: 'file:///w/shop/models/marts/orders.sql',
      range,
    },
    {
      database: 'shop',
      schema: 'main',
      name: 'stg_orders',
      kind: 'view',
      columns: [{ name: 'id', databaseType: 'INTEGER' }],
      nodeId: 'model.shop.stg_orders',
      resourceType: 'model',
      uri: 'file:///w/shop/models/staging/stg_orders.sql',
      range,
    },
    {
      database: 'shop',
      schema: 'raw',
      name: 'payments',
      kind: 'table',
      columns: [],
      nodeId: 'source.shop.raw.payments',
      resourceType: 'source',
      uri: 'file:///w/shop/models/staging/sources.yml',
      range: { start: { line: 7, character: 6 }, end: { line: 7, character: 20 } },
    },
    { database: 'shop', schema: 'main', name: 'scratch', kind: 'view', columns: [] },
    { database: 'analytics', schema: 'public', name: 'events', kind: 'table', columns: [] },
  ],
  notBuilt: [
    {
      nodeId: 'model.shop.customers',
      resourceType: 'model',
      name: 'customers',
      database: 'shop',
      schema: 'main',
      identifier: 'customers',
      uri: 'file:///w/shop/models/marts/customers.sql',
      range,
    },
    {
      nodeId: 'seed.shop.country codes',
      resourceType: 'seed',
      name: 'country codes',
      database: 'shop',
      schema: 'main',
      identifier: 'country codes',
      uri: 'file:///w/shop/seeds/my%20seeds/country%20codes.csv',
      range,
    },
  ],
};

function child(items: ExplorerItem[] | undefined, label: string): ExplorerItem {
  const found = items?.find((i) => i.label === label);
  assert.ok(found, `no row "${label}" among ${JSON.stringify(items?.map((i) => i.label))}`);
  return found;
}

function allIds(items: ExplorerItem[]): string[] {
  return items.flatMap((i) => [i.id, ...allIds(i.children ?? [])]);
}

test("a file's folders inside the project, decoded", () => {
  assert.deepEqual(folderOf('file:///w/shop/models/staging/stg.sql', 'file:///w/shop'), [
    'models',
    'staging',
  ]);
  assert.deepEqual(folderOf('file:///w/shop/seeds/my%20seeds/x.csv', 'file:///w/shop/'), [
    'seeds',
    'my seeds',
  ]);
  assert.deepEqual(folderOf('file:///w/shop/x.sql', 'file:///w/shop'), []);
  assert.deepEqual(folderOf('file:///elsewhere/x.sql', 'file:///w/shop'), []);
  assert.deepEqual(folderOf(undefined, 'file:///w/shop'), []);
});

test('one project: a "Project" group of nodes by folder and a "Warehouse" group', () => {
  const items = explorerItems([{ project, result: catalog }]);
  assert.deepEqual(
    items.map((i) => i.label),
    ['Project', 'Warehouse'],
  );
  const p = items[0];
  assert.equal(p.description, '5 nodes · 2 not built');
  assert.deepEqual(
    p.children?.map((i) => i.label),
    ['models', 'seeds'],
  );
  const models = child(p.children, 'models');
  assert.deepEqual(
    models.children?.map((i) => i.label),
    ['marts', 'staging'],
  );
  const marts = child(models.children, 'marts');
  assert.deepEqual(
    marts.children?.map((i) => [i.label, i.description]),
    [
      ['customers', 'not built'],
      ['orders', 'table'],
    ],
  );
  const staging = child(models.children, 'staging');
  assert.deepEqual(
    staging.children?.map((i) => i.label),
    ['raw.payments', 'stg_orders'],
  );
  assert.deepEqual(
    child(child(p.children, 'seeds').children, 'my seeds').children?.map((i) => i.label),
    ['country codes'],
  );
});

test('a project node opens its file, inserts its ref() or source(), and lists its columns', () => {
  const [p] = explorerItems([{ project, result: catalog }]);
  const orders = child(child(child(p.children, 'models').children, 'marts').children, 'orders');
  assert.equal(orders.click, 'dbtls.explorer.open');
  assert.deepEqual(orders.open, { uri: 'file:///w/shop/models/marts/orders.sql', range });
  assert.equal(orders.insert?.ref, "{{ ref('orders') }}");
  assert.match(orders.contextValue ?? '', /ref/);
  assert.doesNotMatch(orders.contextValue ?? '', /source|column/);
  assert.equal(orders.icon, 'symbol-structure');
  assert.match(orders.tooltip ?? '', /model\.shop\.orders/);
  assert.deepEqual(
    orders.children?.map((c) => [c.label, c.description, c.insert?.column, c.contextValue]),
    [
      ['order_id', 'INTEGER', 'order_id', 'column'],
      ['amount', 'DECIMAL(10,2)', 'amount', 'column'],
    ],
  );

  const payments = child(child(child(p.children, 'models').children, 'staging').children, 'raw.payments');
  assert.equal(payments.insert?.source, "{{ source('raw', 'payments') }}");
  assert.match(payments.contextValue ?? '', /source/);
  assert.doesNotMatch(payments.contextValue ?? '', /ref/);
  assert.equal(payments.open?.range?.start?.line, 7);

  const customers = child(child(child(p.children, 'models').children, 'marts').children, 'customers');
  assert.equal(customers.description, 'not built');
  assert.match(customers.tooltip ?? '', /Not built: the warehouse has no relation shop\.main\.customers/);
  assert.equal(customers.children, undefined);
  assert.equal(customers.iconColor, 'disabledForeground');
});

test('the warehouse: database → schema → table/view → columns with types', () => {
  const [, w] = explorerItems([{ project, result: catalog }]);
  assert.equal(w.description, 'target dev · 5 relations · 12 ms');
  assert.deepEqual(
    w.children?.map((i) => i.label),
    ['analytics', 'shop'],
  );
  const shop = child(w.children, 'shop');
  assert.deepEqual(
    shop.children?.map((i) => i.label),
    ['main', 'raw'],
  );
  const main = child(shop.children, 'main');
  assert.deepEqual(
    main.children?.map((i) => [i.label, i.description, i.icon]),
    [
      ['orders', 'table · model orders', 'table'],
      ['scratch', 'view', 'eye'],
      ['stg_orders', 'view · model stg_orders', 'eye'],
    ],
  );
  const orders = child(main.children, 'orders');
  assert.equal(orders.insert?.ref, "{{ ref('orders') }}");
  assert.equal(orders.click, 'dbtls.explorer.open');
  assert.deepEqual(
    orders.children?.map((c) => `${c.label}: ${c.description}`),
    ['order_id: INTEGER', 'amount: DECIMAL(10,2)'],
  );
  const scratch = child(main.children, 'scratch');
  assert.equal(scratch.contextValue, 'relation');
  assert.equal(scratch.click, undefined);
  assert.match(scratch.tooltip ?? '', /unknown to the project/);
  const payments = child(child(shop.children, 'raw').children, 'payments');
  assert.equal(payments.contextValue, 'relation source');
});

test('ids are unique and stable across loads', () => {
  const a = allIds(explorerItems([{ project, result: catalog }]));
  assert.equal(new Set(a).size, a.length);
  assert.deepEqual(allIds(explorerItems([{ project, result: structuredClone(catalog) }])), a);
});

test('several projects: one row per project, each with its two groups', () => {
  const other = { name: 'jaffle', uri: 'file:///w/jaffle' };
  const items = explorerItems([
    { project, result: catalog },
    { project: other, result: { cut: false, millis: 1, target: 'prod', relations: [], notBuilt: [] } },
  ]);
  assert.deepEqual(
    items.map((i) => [i.label, i.description]),
    [
      ['shop', 'target dev'],
      ['jaffle', 'target prod'],
    ],
  );
  assert.deepEqual(
    items[1].children?.map((i) => i.label),
    ['Project', 'Warehouse'],
  );
  assert.deepEqual(
    items[1].children?.[0].children?.map((i) => i.label),
    ['No models, seeds, snapshots or sources matched the warehouse.'],
  );
  assert.deepEqual(
    items[1].children?.[1].children?.map((i) => i.label),
    ['The warehouse has no tables or views (target prod).'],
  );
  const ids = allIds(items);
  assert.equal(new Set(ids).size, ids.length);
});

test('failures are one row saying why, never an empty tree', () => {
  assert.deepEqual(
    explorerItems([]).map((i) => i.label),
    ['No dbt project is loaded in this window.'],
  );
  const notRunning = explorerItems([{ project, error: 'The dbtls server is starting.' }]);
  assert.deepEqual(
    notRunning.map((i) => [i.label, i.icon]),
    [['The dbtls server is starting.', 'error']],
  );
  const unreachable = explorerItems([
    {
      project,
      result: {
        target: 'dev',
        cut: false,
        millis: 3,
        relations: [],
        notBuilt: [],
        error: { code: 'warehouse-connect', message: 'Connection refused\nat localhost:5432' },
      },
    },
  ]);
  assert.equal(unreachable.length, 1);
  assert.equal(unreachable[0].label, 'Cannot read the warehouse (target dev): Connection refused');
  assert.match(unreachable[0].tooltip ?? '', /at localhost:5432[\s\S]*warehouse-connect/);
  assert.match(explorerItems([{ project, result: null }])[0].label, /no dbt project/);
});

test('a partial catalog shows what it has, with the error and the cut on top of the warehouse', () => {
  const items = explorerItems([
    { project, result: { ...catalog, cut: true, error: { code: 'x', message: 'timeout in schema raw' } } },
  ]);
  const w = items[1];
  assert.deepEqual(
    w.children?.slice(0, 2).map((i) => i.label),
    [
      'Cannot read the warehouse (target dev): timeout in schema raw',
      'More than 20,000 relations: the rest is left out.',
    ],
  );
  assert.equal(w.children?.length, 4);
});

test('rows go in natural order: case and accents aside, numbers by value', () => {
  const names = ['orders_10', 'Orders_2', 'órders_1', 'customers'];
  const items = explorerItems([
    {
      project,
      result: {
        cut: false,
        millis: 1,
        notBuilt: names.map((name) => ({
          nodeId: `model.shop.${name}`,
          resourceType: 'model',
          name,
          uri: `file:///w/shop/models/${name}.sql`,
        })),
      },
    },
  ]);
  const models = child(child(items, 'Project').children, 'models');
  assert.deepEqual(
    models.children?.map((i) => i.label),
    ['customers', 'órders_1', 'Orders_2', 'orders_10'],
  );
});
