import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { LineageNode, LineageResult } from '../../src/protocol.generated';
import { closeAll, OpenView, openView } from './harness';

after(closeAll);

const URI = 'file:///w/shop/models/';

function n(id: string, depth: number, extra: Partial<LineageNode> = {}): LineageNode {
  const [resourceType, , ...rest] = id.split('.');
  return {
    id,
    resourceType,
    name: rest.join('.'),
    packageName: 'shop',
    depth,
    hiddenUpstream: 0,
    hiddenDownstream: 0,
    materialization: resourceType === 'model' ? 'view' : undefined,
    uri: `${URI}${rest.join('_')}.sql`,
    ...extra,
  };
}

// what dbt/lineage answers for customers with depths 2 / 2 on a small shop
const result: LineageResult = {
  root: 'model.shop.customers',
  nodes: [
    n('model.shop.customers', 0, {
      materialization: 'table',
      description: 'One row per customer.',
      lastRun: {
        status: 'skipped',
        at: '2026-11-25T07:00:00Z',
        message: 'skipped: model.shop.stg_orders did not succeed',
      },
    }),
    n('model.shop.stg_customers', -1, {
      lastRun: { status: 'success', at: '2026-11-25T07:00:00Z', message: 'CREATE VIEW' },
    }),
    n('model.shop.stg_orders', -1, {
      hiddenDownstream: 1,
      lastRun: { status: 'error', at: '2026-11-25T07:00:00Z', message: 'Database Error in model stg_orders' },
    }),
    n('seed.shop.countries', -1, { materialization: 'seed', uri: 'file:///w/shop/seeds/countries.csv' }),
    n('exposure.shop.dashboard', 1, {
      uri: 'file:///w/shop/models/schema.yml',
      range: { start: { line: 12, character: 10 }, end: { line: 12, character: 19 } },
    }),
    n('model.shop.<script>alert(1)</script>', 1, { hiddenDownstream: 2 }),
    n('source.shop.raw.customers', -2, { name: 'raw.customers', uri: 'file:///w/shop/models/sources.yml' }),
    n('source.shop.raw.orders', -2, { name: 'raw.orders', hiddenUpstream: 0 }),
    n('snapshot.shop.customers_snapshot', 2, { materialization: 'snapshot', hiddenUpstream: 2 }),
  ],
  edges: [
    { from: 'model.shop.stg_customers', to: 'model.shop.customers' },
    { from: 'model.shop.stg_orders', to: 'model.shop.customers' },
    { from: 'seed.shop.countries', to: 'model.shop.customers' },
    { from: 'model.shop.customers', to: 'exposure.shop.dashboard' },
    { from: 'model.shop.customers', to: 'model.shop.<script>alert(1)</script>' },
    { from: 'source.shop.raw.customers', to: 'model.shop.stg_customers' },
    { from: 'source.shop.raw.orders', to: 'model.shop.stg_orders' },
    { from: 'model.shop.<script>alert(1)</script>', to: 'snapshot.shop.customers_snapshot' },
  ],
  truncated: false,
};
const options = { up: 2, down: 2, tests: false };

/**
 * The errors that are the view's: Chromium asks every new page for /favicon.ico, which the
 * harness answers 404 (a console error no webview in VS Code gets). Every resource the page
 * really loaded (scripts, styles, fonts) is checked to have loaded instead.
 */
async function errors(v: OpenView): Promise<string[]> {
  const failed = await v.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(
        (e) => ((e as PerformanceResourceTiming & { responseStatus?: number }).responseStatus ?? 200) >= 400,
      )
      .map((e) => e.name),
  );
  const favicons = failed.filter((u) => new URL(u).pathname === '/favicon.ico').length;
  const out = failed.filter((u) => new URL(u).pathname !== '/favicon.ico').map((u) => `failed to load ${u}`);
  let forgiven = 0;
  for (const e of v.errors) {
    if (forgiven < favicons && /^console: Failed to load resource: .*404 \(Not Found\)$/.test(e)) forgiven++;
    else out.push(e);
  }
  return out;
}

async function settle(page: import('playwright-core').Page): Promise<void> {
  await page.waitForTimeout(300);
}

test('draws the lineage: cards, edges, the root, text as text; clicks open and expand', async () => {
  const v = await openView('lineage');
  await v.post({ type: 'loading', title: 'customers' });
  assert.match(
    await v.page.locator('[data-testid=lineage-message]').innerText(),
    /Loading the lineage of customers/,
  );
  await v.post({ type: 'graph', result, options });
  await v.page.waitForSelector('.react-flow__edge');
  await settle(v.page);
  assert.equal(await v.page.locator('.react-flow__node').count(), 9);
  assert.equal(await v.page.locator('[data-testid=lineage-node]').count(), 9);
  assert.equal(await v.page.locator('.react-flow__edge').count(), 8);
  const root = v.page.locator('[data-testid=lineage-node][data-root=true]');
  assert.equal(await root.count(), 1);
  assert.match(await root.innerText(), /model · table[\s\S]*customers/);
  assert.equal(await v.page.locator('[data-testid=lineage-node][data-type=source]').count(), 2);
  // a name that looks like HTML is text
  const odd = v.page.locator('[data-testid=lineage-node][data-id="model.shop.<script>alert(1)</script>"]');
  assert.equal(await odd.locator('.lin-name').innerText(), '<script>alert(1)</script>');
  assert.equal(await v.page.locator('.lin-name script').count(), 0);
  assert.equal(await v.page.locator('[data-testid=lineage-status]').innerText(), '9 nodes · 8 edges');
  assert.equal(await v.page.locator('[data-testid=lineage-truncated]').count(), 0);
  // each node's last run (the server's run history): a mark and the card's edge in its colour
  const mark = (id: string) =>
    v.page.locator(`[data-testid=lineage-node][data-id="${id}"] [data-testid=lineage-last-run]`);
  assert.equal(await mark('model.shop.stg_customers').innerText(), 'built');
  assert.equal(await mark('model.shop.stg_orders').innerText(), 'error');
  assert.equal(await mark('model.shop.customers').innerText(), 'skipped');
  assert.equal(await mark('seed.shop.countries').count(), 0, 'a node no run reached has no mark');
  const edge = await v.page
    .locator('[data-testid=lineage-node][data-id="model.shop.stg_orders"]')
    .evaluate((e) => getComputedStyle(e).boxShadow);
  assert.match(edge, /0px -3px 0px 0px inset/);
  await v.screenshot('graph');

  // clicking a card opens its file at its range
  await v.page.locator('[data-testid=lineage-node][data-id="exposure.shop.dashboard"]').click();
  let sent = await v.sent();
  assert.deepEqual(sent.at(-1), {
    type: 'open',
    uri: 'file:///w/shop/models/schema.yml',
    range: { start: { line: 12, character: 10 }, end: { line: 12, character: 19 } },
  });

  // "+2" on the odd model's right expands downstream, without opening it
  const more = odd.locator('[data-testid=lineage-expand-down]');
  assert.equal(await more.innerText(), '+2');
  await more.click();
  sent = await v.sent();
  assert.deepEqual(sent.at(-1), {
    type: 'expand',
    id: 'model.shop.<script>alert(1)</script>',
    direction: 'down',
  });
  await v.post({
    type: 'merge',
    around: 'model.shop.<script>alert(1)</script>',
    result: {
      root: 'model.shop.<script>alert(1)</script>',
      truncated: false,
      nodes: [
        n('model.shop.<script>alert(1)</script>', 0, { hiddenUpstream: 1 }),
        n('model.shop.a', 1),
        n('model.shop.b', 1),
        n('snapshot.shop.customers_snapshot', 1, { hiddenUpstream: 2 }),
      ],
      edges: [
        { from: 'model.shop.<script>alert(1)</script>', to: 'model.shop.a' },
        { from: 'model.shop.<script>alert(1)</script>', to: 'model.shop.b' },
        { from: 'model.shop.<script>alert(1)</script>', to: 'snapshot.shop.customers_snapshot' },
      ],
    },
  });
  await v.page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 11);
  await settle(v.page);
  assert.equal(await v.page.locator('.react-flow__edge').count(), 10);
  assert.equal(await odd.locator('[data-testid=lineage-expand-down]').count(), 0);

  // the toolbar asks for other depths and tests
  await v.page.locator('[data-testid=lineage-up-more]').click();
  await v.page.locator('[data-testid=lineage-tests]').check();
  sent = await v.sent();
  assert.deepEqual(sent.at(-1), { type: 'options', options: { up: 3, down: 2, tests: true } });
  await v.page.locator('[data-testid=lineage-fit]').click();
  await v.screenshot('expanded');
  assert.deepEqual(await errors(v), []);
  await v.close();
});

test('says why there is nothing, and when the answer was cut', async () => {
  const v = await openView('lineage');
  await v.post({
    type: 'graph',
    options,
    result: { message: 'models/x.sql defines no dbt node', nodes: [], edges: [], truncated: false },
  });
  await v.page.waitForSelector('[data-testid=lineage-message]');
  assert.equal(
    await v.page.locator('[data-testid=lineage-message]').innerText(),
    'models/x.sql defines no dbt node',
  );
  assert.equal(await v.page.locator('[data-testid=lineage-graph]').count(), 0);
  assert.equal(await v.page.locator('.lin-title').innerText(), 'Lineage');
  await v.screenshot('empty');
  await v.post({
    type: 'error',
    message: 'Lineage failed: the dbtls server is not running (no Java 17+ found)',
  });
  await v.page.waitForSelector('.error-box');
  assert.match(await v.page.locator('.error-box').innerText(), /not running/);
  await v.post({ type: 'graph', options, result: { ...result, truncated: true } });
  await v.page.waitForSelector('[data-testid=lineage-truncated]');
  assert.equal(await v.page.locator('.error-box').count(), 0);
  assert.deepEqual(await errors(v), []);
  await v.close();
});

test('hundreds of nodes draw, and the graph still zooms', async () => {
  const v = await openView('lineage');
  const nodes: LineageNode[] = [n('model.shop.root', 0, { hiddenUpstream: 0 })];
  const edges: Array<{ from: string; to: string }> = [];
  for (let i = 0; i < 300; i++) {
    const depth = -1 - (i % 3);
    nodes.push(n(`model.shop.up_${i}`, depth, { hiddenUpstream: i % 5 }));
    edges.push({ from: `model.shop.up_${i}`, to: i < 100 ? 'model.shop.root' : `model.shop.up_${i % 100}` });
  }
  await v.post({
    type: 'graph',
    options,
    result: { root: 'model.shop.root', nodes, edges, truncated: true },
  });
  await v.page.waitForSelector('[data-testid=lineage-status]');
  await v.page.waitForSelector('.react-flow__node');
  assert.equal(await v.page.locator('[data-testid=lineage-status]').innerText(), '301 nodes · 300 edges');
  await v.screenshot('large');
  // a wheel step zooms the graph (the viewport's transform changes)
  const transform = () => v.page.locator('.react-flow__viewport').getAttribute('style');
  const before = await transform();
  await v.page.mouse.move(500, 400);
  await v.page.mouse.wheel(0, -300); // in: fitted to 301 nodes it is zoomed out as far as it goes
  await v.page.waitForFunction(
    (b) => document.querySelector('.react-flow__viewport')?.getAttribute('style') !== b,
    before,
  );
  assert.notEqual(await transform(), before);
  assert.deepEqual(await errors(v), []);
  await v.close();
});

test('the first view of three generations in a panel half a window wide shows every card whole, readable', async () => {
  const v = await openView('lineage', { width: 600, height: 700 });
  await v.post({
    type: 'graph',
    options,
    result: {
      root: 'model.shop.customers',
      truncated: false,
      nodes: [
        n('model.shop.customers', 0, { materialization: 'table' }),
        n('model.shop.stg_customers', -1),
        n('model.shop.stg_orders', -1),
        n('seed.shop.raw_customers', -2, { materialization: 'seed' }),
        n('seed.shop.raw_orders', -2, { materialization: 'seed' }),
      ],
      edges: [
        { from: 'seed.shop.raw_customers', to: 'model.shop.stg_customers' },
        { from: 'seed.shop.raw_orders', to: 'model.shop.stg_orders' },
        { from: 'model.shop.stg_customers', to: 'model.shop.customers' },
        { from: 'model.shop.stg_orders', to: 'model.shop.customers' },
      ],
    },
  });
  await v.page.waitForSelector('.react-flow__edge', { state: 'attached' });
  await settle(v.page);
  const pane = (await v.page.locator('[data-testid=lineage-graph]').boundingBox())!;
  const cards = v.page.locator('[data-testid=lineage-node]');
  assert.equal(await cards.count(), 5);
  for (const card of await cards.all()) {
    const b = (await card.boundingBox())!;
    const id = await card.getAttribute('data-id');
    assert.ok(
      b.x >= pane.x &&
        b.y >= pane.y &&
        b.x + b.width <= pane.x + pane.width &&
        b.y + b.height <= pane.y + pane.height,
      `${id} is cut: card ${JSON.stringify(b)}, graph ${JSON.stringify(pane)}`,
    );
    assert.ok(b.width >= 220 * 0.6 - 1, `${id} is drawn too small to read (${b.width} px wide)`);
  }
  await v.screenshot('first-view');
  assert.deepEqual(await errors(v), []);
  await v.close();
});
