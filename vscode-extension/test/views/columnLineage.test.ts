import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ColumnLineageColumn, ColumnLineageResult } from '../../src/protocol.generated';
import { closeAll, OpenView, openView } from './harness';
import { JAFFLE_LIFETIME_VALUE, JAFFLE_STG_ORDERS_CUSTOMER_ID, SHOP_NO_COLUMN } from '../recorded';

after(closeAll);

/** Console errors and CSP violations, but the favicon Chromium asks every new page for. */
function errors(v: OpenView): string[] {
  return v.errors.filter((e) => !/favicon|Failed to load resource: .*404/.test(e));
}

async function edgeLabels(v: OpenView): Promise<string[]> {
  return v.page.locator('.react-flow__edge-text').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

async function settle(v: OpenView): Promise<void> {
  await v.page.waitForSelector('.react-flow__edge');
  await v.page.waitForTimeout(300);
}

test('the real answer for customers_v2.lifetime_value: a card per node, rows per column, edges by kind, a legend', async () => {
  const v = await openView('lineage', { width: 1300, height: 760 });
  await v.post({ type: 'loading', title: 'customers_v2.lifetime_value' });
  await v.post({ type: 'columnGraph', result: JAFFLE_LIFETIME_VALUE, includeFilters: true });
  await settle(v);
  const cards = v.page.getByTestId('column-card');
  assert.equal(await cards.count(), 8);
  assert.equal(await v.page.getByTestId('column-row').count(), 14);
  assert.equal(await v.page.locator('.react-flow__edge').count(), 15);
  const root = v.page.locator('[data-testid=column-card][data-root=true]');
  assert.equal(await root.getAttribute('data-id'), 'model.jaffle_shop.customers.v2');
  assert.equal(
    await root.locator('[data-testid=column-row][data-root=true]').getAttribute('data-column'),
    'lifetime_value',
  );
  assert.match(
    await v.page.locator('.lin-title').innerText(),
    /Column lineage of customers\.v2\.lifetime_value/,
  );
  assert.equal(await v.page.getByTestId('column-status').innerText(), '14 columns · 15 edges');
  // each kind has its own style; aggregated and computed edges carry their label
  for (const [kind, n] of [
    ['aggregated', 3],
    ['filter_join', 8],
    ['passed_through', 1],
    ['computed', 3],
  ] as const) {
    assert.equal(await v.page.locator(`.react-flow__edge.col-edge-${kind}`).count(), n, kind);
  }
  assert.deepEqual((await edgeLabels(v)).sort(), [
    'aggregated',
    'aggregated',
    'aggregated',
    'computed',
    'computed',
    'computed',
  ]);
  assert.match(
    await v.page.getByTestId('column-legend').innerText(),
    /passed through[\s\S]*renamed[\s\S]*computed[\s\S]*aggregated[\s\S]*filter \/ join/,
  );
  // the source whose columns are not all known says so
  const source = v.page.locator('[data-testid=column-card][data-type=source]');
  assert.equal(await source.getAttribute('data-complete'), 'false');
  assert.match(await source.getByTestId('column-partial').innerText(), /partial/);
  // the types the server knows show beside the names
  assert.match(
    await v.page.locator('[data-testid=column-card][data-id="model.jaffle_shop.orders"]').innerText(),
    /amount\s*decimal\(28,6\)/,
  );
  await v.screenshot('columns-jaffle');

  // a click on a row opens where the node produces that column; on the head, the node's file
  await v.page
    .locator(
      '[data-testid=column-card][data-id="model.jaffle_shop.orders"] [data-testid=column-row][data-column=amount]',
    )
    .click();
  const amount = JAFFLE_LIFETIME_VALUE.columns!.find(
    (c) => c.nodeId === 'model.jaffle_shop.orders' && c.column === 'amount',
  )!;
  assert.deepEqual((await v.sent()).at(-1), { type: 'open', uri: amount.uri, range: amount.range });
  await source.locator('.col-head').click();
  assert.deepEqual((await v.sent()).at(-1), {
    type: 'open',
    uri: 'file:///work/jaffle_shop/models/staging/_staging.yml',
  });
  // ⤷ on a row asks for that column's lineage; "nodes" for the node's lineage; the checkbox for fewer edges
  const row = v.page.locator(
    '[data-testid=column-card][data-id="model.jaffle_shop.stg_orders"] [data-testid=column-row][data-column=is_returned]',
  );
  await row.hover();
  await row.getByTestId('column-focus').click();
  assert.deepEqual((await v.sent()).at(-1), {
    type: 'column',
    nodeId: 'model.jaffle_shop.stg_orders',
    column: 'is_returned',
  });
  await v.page
    .locator('[data-testid=column-card][data-id="model.jaffle_shop.orders"]')
    .getByTestId('column-models')
    .click();
  assert.deepEqual((await v.sent()).at(-1), { type: 'models', nodeId: 'model.jaffle_shop.orders' });
  await v.page.getByTestId('column-filters').uncheck();
  assert.deepEqual((await v.sent()).at(-1), { type: 'columnFilters', includeFilters: false });
  assert.deepEqual(errors(v), []);
  await v.close();
});

test('downstream filter uses end at a filter row; a new answer replaces the graph', async () => {
  const v = await openView('lineage');
  await v.post({ type: 'columnGraph', result: JAFFLE_STG_ORDERS_CUSTOMER_ID, includeFilters: true });
  await settle(v);
  assert.equal(await v.page.getByTestId('column-card').count(), 6);
  const v1 = v.page.locator('[data-testid=column-card][data-id="model.jaffle_shop.customers.v1"]');
  assert.equal(await v1.getByTestId('column-row').getAttribute('data-column'), '');
  assert.match(await v1.innerText(), /rows: filter \/ join/);
  // the two versions of customers are told apart
  assert.match(await v1.locator('.lin-name').innerText(), /^customers\.v1$/);
  assert.equal(await v.page.getByTestId('column-status').innerText(), '6 columns · 7 edges');
  await v.screenshot('columns-downstream');
  await v.post({ type: 'columnGraph', result: JAFFLE_LIFETIME_VALUE, includeFilters: true });
  await v.page.waitForFunction(() => document.querySelectorAll('[data-testid=column-card]').length === 8);
  assert.deepEqual(errors(v), []);
  await v.close();
});

test("no such column: the server's message; notes and a cut answer shown; names as text", async () => {
  const v = await openView('lineage');
  await v.post({ type: 'columnGraph', result: SHOP_NO_COLUMN, includeFilters: true });
  await v.page.waitForSelector('[data-testid=lineage-message]');
  assert.equal(await v.page.getByTestId('lineage-message').innerText(), 'customers has no column nope');
  assert.equal(await v.page.getByTestId('column-graph').count(), 0);
  const col = (
    nodeId: string,
    column: string,
    depth: number,
    extra: Partial<ColumnLineageColumn> = {},
  ): ColumnLineageColumn => ({
    nodeId,
    column,
    nodeName: nodeId.split('.').slice(2).join('.'),
    resourceType: nodeId.split('.')[0],
    depth,
    nodeColumnsComplete: true,
    uri: 'file:///w/shop/models/x.sql',
    ...extra,
  });
  const cut: ColumnLineageResult = {
    nodeId: 'model.shop.report',
    column: '<b>total</b>',
    truncated: true,
    notes: [
      'stg_orders: model.shop.raw: only YAML lists its columns (no catalog.json entry): there may be more',
      "report's columns are not all known: <b>total</b> is taken to be one of them",
    ],
    columns: [
      col('model.shop.report', '<b>total</b>', 0, { nodeColumnsComplete: false }),
      col('model.shop.stg_orders', 'amount', -1, { type: 'decimal(10,2)' }),
      col('model.shop.stg_orders', 'order_id', -1),
      col('model.shop.raw', 'amount_cents', -2, { type: 'integer' }),
    ],
    edges: [
      {
        fromNode: 'model.shop.stg_orders',
        fromColumn: 'amount',
        toNode: 'model.shop.report',
        toColumn: '<b>total</b>',
        kind: 'renamed',
      },
      {
        fromNode: 'model.shop.stg_orders',
        fromColumn: 'order_id',
        toNode: 'model.shop.report',
        toColumn: '<b>total</b>',
        kind: 'filter_join',
      },
      {
        fromNode: 'model.shop.raw',
        fromColumn: 'amount_cents',
        toNode: 'model.shop.stg_orders',
        toColumn: 'amount',
        kind: 'computed',
      },
    ],
  };
  await v.post({ type: 'columnGraph', result: cut, includeFilters: true });
  await settle(v);
  assert.equal(await v.page.getByTestId('lineage-message').count(), 0);
  assert.match(
    await v.page.getByTestId('column-notes').innerText(),
    /2 notes[\s\S]*only YAML lists its columns[\s\S]*taken to be one of them/,
  );
  assert.equal(await v.page.getByTestId('column-truncated').innerText(), 'cut at the column limit');
  const rootRow = v.page.locator('[data-testid=column-row][data-root=true]');
  assert.equal(await rootRow.locator('.col-name').innerText(), '<b>total</b>');
  assert.equal(await v.page.locator('.col-name b').count(), 0);
  assert.deepEqual((await edgeLabels(v)).sort(), ['computed', 'renamed']);
  await v.screenshot('columns-notes');
  await v.post({
    type: 'error',
    message: 'Column lineage failed: the dbtls server is not running (no Java 17+ found)',
  });
  await v.page.waitForSelector('.error-box');
  assert.match(await v.page.locator('.error-box').innerText(), /not running/);
  assert.deepEqual(errors(v), []);
  await v.close();
});

test("a model card of the nodes' lineage offers its columns", async () => {
  const v = await openView('lineage');
  const node = (id: string, depth: number) => ({
    id,
    name: id.split('.').pop(),
    resourceType: id.split('.')[0],
    packageName: 'shop',
    depth,
    hiddenUpstream: 0,
    hiddenDownstream: 0,
    uri: `file:///w/shop/models/${id.split('.').pop()}.sql`,
  });
  await v.post({
    type: 'graph',
    options: { up: 2, down: 2, tests: false },
    result: {
      root: 'model.shop.customers',
      truncated: false,
      nodes: [
        node('model.shop.customers', 0),
        node('seed.shop.raw_customers', -1),
        node('exposure.shop.dash', 1),
      ],
      edges: [
        { from: 'seed.shop.raw_customers', to: 'model.shop.customers' },
        { from: 'model.shop.customers', to: 'exposure.shop.dash' },
      ],
    },
  });
  // (straight edges are boxes of no height: attached, never "visible")
  await v.page.waitForSelector('.react-flow__edge', { state: 'attached' });
  assert.equal(
    await v.page.getByTestId('lineage-columns').count(),
    2,
    'the model and the seed, not the exposure',
  );
  await v.page
    .locator('[data-testid=lineage-node][data-id="model.shop.customers"]')
    .getByTestId('lineage-columns')
    .click();
  assert.deepEqual((await v.sent()).at(-1), {
    type: 'pickColumn',
    nodeId: 'model.shop.customers',
    name: 'customers',
  });
  await v.screenshot('columns-button');
  // then the column's lineage replaces the nodes' in the same view
  await v.post({ type: 'columnGraph', result: JAFFLE_LIFETIME_VALUE, includeFilters: true });
  await v.page.waitForSelector('[data-testid=column-card]');
  assert.equal(await v.page.getByTestId('lineage-node').count(), 0);
  assert.deepEqual(errors(v), []);
  await v.close();
});
