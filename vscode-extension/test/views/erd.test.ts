// The ERD view (webviews/erd) in headless Chromium on real answers of the server to dbt/erd
// (erd.recorded.ts: recorded from server/target/dbtls.jar on a copy of jaffle_shop).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ErdResult } from '../../src/protocol.generated';
import { closeAll, openView } from './harness';
import {
  JAFFLE_NOTHING_SELECTED,
  JAFFLE_ORDERS_FAMILY,
  JAFFLE_TRUNCATED,
  SHOP_WAREHOUSE_DOWN,
  SHOP_WAREHOUSE_KEYS,
} from '../recorded';

after(closeAll);

const SELECT = ['+path:models/marts/orders.sql+'];

test('draws the tables with their columns and the relationships from column to column, by source', async () => {
  const v = await openView('erd', { width: 1400, height: 900 });
  await v.post({ type: 'loading', select: SELECT });
  assert.match(await v.page.locator('[data-testid=erd-message]').innerText(), /Loading the diagram/);
  await v.post({ type: 'erd', select: SELECT, result: JAFFLE_ORDERS_FAMILY });
  await v.page.waitForSelector('.react-flow__edge');
  await v.page.waitForTimeout(300);
  const entities = JAFFLE_ORDERS_FAMILY.entities!;
  const relationships = JAFFLE_ORDERS_FAMILY.relationships!;
  assert.equal(await v.page.locator('[data-testid=erd-card]').count(), entities.length);
  assert.equal(await v.page.locator('.react-flow__edge').count(), relationships.length);
  assert.equal(
    await v.page.locator('.react-flow__edge.erd-edge-relationships_test').count(),
    relationships.filter((r) => r.source === 'relationships_test').length,
  );
  assert.equal(await v.page.locator('.react-flow__edge.erd-edge-foreign_key_constraint').count(), 1);
  // labelled by where the relationship is declared
  const labels = await v.page.locator('.react-flow__edge-text').allTextContents();
  assert.ok(
    labels.some((l) => l.includes('foreign key')) && labels.some((l) => l.includes('relationships test')),
    labels.join('|'),
  );
  // a card: kind, name, columns with types, the related column marked
  const orders = v.page.locator('[data-testid=erd-card][data-id="model.jaffle_shop.orders"]');
  assert.match(await orders.locator('.lin-kind').innerText(), /^model/);
  assert.equal(await orders.locator('.lin-name').innerText(), 'orders');
  const ordersColumns = entities.find((e) => e.nodeId === 'model.jaffle_shop.orders')!.columns!;
  assert.equal(await orders.locator('[data-testid=erd-row]').count(), ordersColumns.length);
  assert.match(
    await orders.locator('[data-testid=erd-row][data-column=order_date]').innerText(),
    /order_date\s*date/,
  );
  assert.equal(
    await orders.locator('[data-testid=erd-row][data-column=customer_id]').getAttribute('data-related'),
    'true',
  );
  // an entity outside the selection, with the column a relationship reaches
  const outside = v.page.locator('[data-testid=erd-card][data-selected=false]');
  assert.equal(await outside.count(), entities.filter((e) => !e.selected).length);
  assert.match(
    await outside.first().innerText(),
    /outside the selection[\s\S]*stg_customers[\s\S]*customer_id/,
  );
  // a versioned model and a source read apart
  assert.equal(
    await v.page
      .locator('[data-testid=erd-card][data-id="model.jaffle_shop.customers.v2"] .lin-name')
      .innerText(),
    'customers v2',
  );
  assert.equal(
    await v.page.locator('[data-testid=erd-card][data-type=source] .lin-name').innerText(),
    'shop_raw.shop_payments',
  );
  // a seed's columns come from its CSV header
  assert.match(
    await v.page.locator('[data-testid=erd-card][data-id="seed.jaffle_shop.shop_orders"]').innerText(),
    /^seed\nshop_orders\norder_id\ncustomer_id\nordered_at\nstore_code\nstatus$/,
  );
  assert.equal(
    await v.page.locator('[data-testid=erd-status]').innerText(),
    `${entities.length} entities · ${relationships.length} relationships`,
  );
  assert.equal(await v.page.locator('[data-testid=erd-truncated]').count(), 0);
  assert.equal(
    await v.page.locator('[data-testid=erd-legend]').innerText(),
    'relationships test\nforeign key\nwarehouse key',
  );
  await v.screenshot('orders');

  // clicking a card's title opens its file; Select… asks for another selector
  await orders.locator('[data-testid=erd-card-head]').click();
  let sent = await v.sent();
  assert.deepEqual(sent.at(-1), {
    type: 'open',
    uri: entities.find((e) => e.nodeId === 'model.jaffle_shop.orders')!.uri,
  });
  await v.page.locator('[data-testid=erd-select]').click();
  sent = await v.sent();
  assert.deepEqual(sent.at(-1), { type: 'select' });
  assert.deepEqual(v.errors, []);
  await v.close();
});

test("never blank: nothing selected, the server's message, a cut answer, an error", async () => {
  const v = await openView('erd');
  await v.post({ type: 'erd', select: ['+nope+'], result: JAFFLE_NOTHING_SELECTED });
  await v.page.waitForSelector('[data-testid=erd-message]');
  // the server's own words
  assert.equal(
    await v.page.locator('[data-testid=erd-message]').innerText(),
    "The selection criterion '+nope+' does not match any enabled nodes",
  );
  assert.equal(await v.page.locator('[data-testid=erd-graph]').count(), 0);
  await v.screenshot('nothing');

  const unreadable: ErdResult = {
    message: 'cannot read the selector "+bad(": <b>not</b> dbt syntax',
    entities: [],
    relationships: [],
    truncated: false,
  };
  await v.post({ type: 'erd', select: ['+bad('], result: unreadable });
  await v.page.waitForFunction(() =>
    document.querySelector('[data-testid=erd-message]')?.textContent?.includes('cannot read'),
  );
  // values are text: markup in a message is shown, not parsed
  assert.equal(await v.page.locator('[data-testid=erd-message]').innerText(), unreadable.message);
  assert.equal(await v.page.locator('[data-testid=erd-message] b').count(), 0);

  // an entity whose columns are not known says so
  const unknown: ErdResult = {
    entities: [
      {
        nodeId: 'model.shop.events',
        name: 'events',
        resourceType: 'model',
        uri: 'file:///work/shop/models/events.sql',
        selected: true,
        columns: [],
      },
    ],
    relationships: [],
    truncated: false,
  };
  await v.post({ type: 'erd', select: ['events'], result: unknown });
  await v.page.waitForSelector('[data-testid=erd-card]');
  assert.match(await v.page.locator('[data-testid=erd-card]').innerText(), /columns not known/);

  await v.post({ type: 'erd', select: SELECT, result: JAFFLE_TRUNCATED });
  await v.page.waitForSelector('[data-testid=erd-truncated]');
  await v.page.waitForSelector('.react-flow__node');
  assert.equal(await v.page.locator('[data-testid=erd-card]').count(), JAFFLE_TRUNCATED.entities!.length);
  await v.page.waitForTimeout(300);
  await v.screenshot('truncated');

  await v.post({ type: 'error', message: 'ERD failed: the dbtls server is not running (no Java 17+ found)' });
  await v.page.waitForSelector('.error-box');
  assert.match(await v.page.locator('.error-box').innerText(), /not running/);
  assert.equal(await v.page.locator('[data-testid=erd-status]').count(), 0);
  await v.screenshot('error');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test("the warehouse's foreign keys: an edge style of their own, and the declarations they confirm", async () => {
  const v = await openView('erd', { width: 1400, height: 900 });
  await v.post({ type: 'erd', select: ['+orders+'], result: SHOP_WAREHOUSE_KEYS });
  await v.page.waitForSelector('.react-flow__edge');
  await v.page.waitForTimeout(300);
  const relationships = SHOP_WAREHOUSE_KEYS.relationships!;
  assert.equal(await v.page.locator('.react-flow__edge').count(), relationships.length);
  assert.equal(
    await v.page.locator('.react-flow__edge.erd-edge-warehouse_foreign_key').count(),
    relationships.filter((r) => r.source === 'warehouse_foreign_key').length,
  );
  // a test and a constraint the warehouse confirms: their own style, marked as confirmed
  assert.equal(await v.page.locator('.react-flow__edge.erd-also-warehouse_foreign_key').count(), 2);
  const style = await v.page
    .locator('.react-flow__edge.erd-edge-warehouse_foreign_key path')
    .first()
    .evaluate((p) => [getComputedStyle(p).strokeDasharray, getComputedStyle(p).stroke]);
  const test = await v.page
    .locator('.react-flow__edge.erd-edge-relationships_test path')
    .first()
    .evaluate((p) => [getComputedStyle(p).strokeDasharray, getComputedStyle(p).stroke]);
  assert.notEqual(style[0], test[0]);
  assert.notEqual(style[1], test[1]);
  const labels = await v.page.locator('.react-flow__edge-text').allTextContents();
  assert.ok(labels.includes('test + warehouse') && labels.includes('warehouse key'), labels.join('|'));
  assert.equal(await v.page.locator('[data-testid=erd-message]').count(), 0);
  await v.screenshot('warehouse-keys');

  // a warehouse that cannot be reached: the declared edges, and why there are no others
  await v.post({ type: 'erd', select: ['orders'], result: SHOP_WAREHOUSE_DOWN });
  await v.page.waitForFunction(() =>
    document.querySelector('[data-testid=erd-message]')?.textContent?.includes('warehouse'),
  );
  assert.equal(await v.page.locator('[data-testid=erd-message]').innerText(), SHOP_WAREHOUSE_DOWN.message);
  // the message shows before React Flow has drawn the new answer's edges (once on a busy machine
  // the old five were gone and the new one not yet there): wait for the edge, then count
  await v.page.locator('.react-flow__edge').first().waitFor();
  assert.equal(await v.page.locator('.react-flow__edge').count(), 1);
  await v.screenshot('warehouse-down');
  assert.deepEqual(v.errors, []);
  await v.close();
});
