import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, openView, OpenView } from './harness';

after(closeAll);
// Chromium asks the harness for /favicon.ico (404) on the browser's first page: open that one here
before(async () => (await openView('results')).close());

const columns = [
  { name: 'id', databaseType: 'BIGINT', type: 'integer' },
  { name: 'customer', databaseType: 'VARCHAR', type: 'text' },
  { name: 'amount', databaseType: 'DECIMAL(18,2)', type: 'decimal' },
  { name: 'attributes', databaseType: 'JSON', type: 'json' },
  { name: 'ordered_at', databaseType: 'TIMESTAMP', type: 'timestamp' },
];

function rows(from: number, n: number): unknown[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return [
      i,
      i === 2 ? '<script>alert(1)</script>' : `customer ${i}`,
      i % 7 === 0 ? null : (i * 1.5).toFixed(2),
      JSON.stringify({ channel: 'web', items: [i, i + 1], note: 'x'.repeat(i === 1 ? 120 : 3) }),
      `2024-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00`,
    ];
  });
}

function result(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uri: 'file:///work/shop/models/orders.sql',
    nodeId: 'model.shop.orders',
    compiledSql: 'select id, customer, amount, attributes, ordered_at\nfrom "shop"."main"."stg_orders"',
    columns,
    rows: rows(1, 40),
    hasMore: true,
    truncated: false,
    cursor: 'c-1',
    millis: 1234,
    inlined: [],
    problems: [],
    ...over,
  };
}

const header = (id: number, title = 'orders', startedAt = Date.now()) => ({
  id,
  title,
  detail: 'model.shop.orders',
  startedAt,
  canProfile: true,
});

async function text(v: OpenView, testid: string): Promise<string> {
  return (
    (await v.page.locator(`.tab-page:not([hidden]) [data-testid="${testid}"]`).first().textContent()) ?? ''
  );
}

const sentOf = async (v: OpenView, type: string) => (await v.sent()).filter((m) => m.type === type);

test('a preview: rows in the grid under typed headers, values as text, the timer stopped at the server time', async () => {
  const v = await openView('results');
  assert.ok(await v.page.getByTestId('results-empty').isVisible(), 'no empty placeholder before any preview');
  await v.post({ type: 'open', tab: header(1, 'orders', Date.now() - 1500) });
  await v.page.waitForSelector('[data-testid="results-running"]');
  assert.ok(await v.page.getByTestId('results-cancel').isVisible(), 'Cancel is not shown while running');
  const running1 = await text(v, 'results-elapsed');
  await v.page.waitForTimeout(350);
  const running2 = await text(v, 'results-elapsed');
  assert.notEqual(running1, running2, `the elapsed timer does not count while running (${running1})`);
  assert.match(running2, /^\d+\.\d s$/);
  assert.ok(parseFloat(running2) >= 1.5, `the timer does not count from the start (${running2})`);
  await v.screenshot('running');

  await v.post({ type: 'result', id: 1, result: result(), elapsedMs: 1500 });
  await v.page.waitForSelector('[data-testid="results-grid"] .tabulator-row');
  assert.equal(await text(v, 'results-elapsed'), '1.2 s', 'the final time is not the server millis');
  await v.page.waitForTimeout(300);
  assert.equal(await text(v, 'results-elapsed'), '1.2 s', 'the timer went on after the result');
  assert.ok(await v.page.getByTestId('results-cancel').isHidden(), 'Cancel is still shown after the result');
  assert.equal(await text(v, 'results-status'), '40 rows');
  assert.match(await text(v, 'results-footer'), /40 rows loaded · more available/);

  const names = await v.page.locator('[data-testid="results-grid"] .col-name').allTextContents();
  assert.deepEqual(
    names,
    columns.map((c) => c.name),
  );
  const types = await v.page.locator('[data-testid="results-grid"] .col-type').allTextContents();
  assert.deepEqual(types, ['bigint', 'varchar', 'decimal(18,2)', 'json', 'timestamp']);
  const first = await v.page
    .locator('[data-testid="results-grid"] .tabulator-row')
    .first()
    .locator('.tabulator-cell')
    .allTextContents();
  assert.deepEqual(first.slice(0, 3), ['1', '1', 'customer 1']);

  // a value holding markup is text, and did not run
  const script = v.page.locator('[data-testid="results-grid"] .tabulator-cell', {
    hasText: '<script>alert(1)</script>',
  });
  assert.equal(await script.count(), 1, 'the <script> value is not shown as text');
  assert.equal(
    await v.page.locator('[data-testid="results-grid"] script').count(),
    0,
    'a <script> element was created',
  );
  assert.equal(
    await v.page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted ?? false),
    false,
  );
  // NULL is shown apart
  assert.ok(
    (await v.page
      .locator('[data-testid="results-grid"] .tabulator-cell .null', { hasText: 'NULL' })
      .count()) >= 1,
    'no NULL cell',
  );
  // fewer DOM rows than data rows would prove virtual rendering only with many rows: see the paging test
  await v.screenshot('grid');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('Cancel sends a cancel; a cancelled run stops its timer and says after how long', async () => {
  const v = await openView('results');
  await v.post({ type: 'open', tab: header(7, 'Query 1', Date.now() - 3200) });
  await v.page.getByTestId('results-cancel').click();
  const cancels = await sentOf(v, 'cancel');
  assert.deepEqual(cancels, [{ type: 'cancel', id: 7 }]);
  assert.equal(await text(v, 'results-status'), 'Cancelling…');
  await v.post({ type: 'failed', id: 7, state: 'cancelled', message: 'Cancelled.', elapsedMs: 3250 });
  assert.equal(await text(v, 'results-status'), 'Cancelled after 3.2 s');
  await v.page.waitForTimeout(300);
  assert.equal(await text(v, 'results-elapsed'), '3.2 s', 'the timer went on after the cancel');
  assert.ok(await v.page.getByTestId('results-cancel').isHidden());
  assert.equal(
    await v.page.locator('[data-testid="results-tab"][data-tab-id="7"]').getAttribute('data-state'),
    'cancelled',
  );
  // closing a tab tells the extension (which cancels its query and closes its cursor)
  await v.page
    .locator('[data-testid="results-tab"][data-tab-id="7"] [data-testid="results-tab-close"]')
    .click();
  assert.deepEqual(await sentOf(v, 'close'), [{ type: 'close', id: 7 }]);
  assert.ok(await v.page.getByTestId('results-empty').isVisible());
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('scrolling to the end asks for the next page, and its rows are appended', async () => {
  const v = await openView('results');
  await v.post({ type: 'open', tab: header(2) });
  await v.post({ type: 'result', id: 2, result: result({ rows: rows(1, 500) }), elapsedMs: 1300 });
  await v.page.waitForSelector('[data-testid="results-grid"] .tabulator-row');
  const domRows = await v.page.locator('[data-testid="results-grid"] .tabulator-row').count();
  assert.ok(domRows < 200, `the grid drew ${domRows} rows of 500: not virtual`);
  assert.equal((await sentOf(v, 'loadMore')).length, 0, 'asked for more before scrolling');
  await v.page
    .locator('[data-testid="results-grid"] .tabulator-tableholder')
    .evaluate((e) => (e.scrollTop = e.scrollHeight));
  await v.page.waitForFunction(() =>
    (window as unknown as { __sent: Array<{ type: string }> }).__sent.some((m) => m.type === 'loadMore'),
  );
  assert.deepEqual(await sentOf(v, 'loadMore'), [{ type: 'loadMore', id: 2 }]);
  assert.match(await text(v, 'results-footer'), /loading more/);
  await v.post({ type: 'page', id: 2, page: { rows: rows(501, 20), hasMore: false, truncated: true } });
  await v.page.waitForFunction(() =>
    document.querySelector('[data-testid="results-row-count"]')?.textContent?.startsWith('520 rows'),
  );
  assert.match(await text(v, 'results-footer'), /520 rows loaded · all rows/);
  assert.ok(await v.page.getByTestId('results-truncated').isVisible(), 'no truncated note');
  await v.page
    .locator('[data-testid="results-grid"] .tabulator-tableholder')
    .evaluate((e) => (e.scrollTop = e.scrollHeight));
  await v.page.waitForSelector('[data-testid="results-grid"] .tabulator-cell >> text="customer 520"');
  await v.page.waitForTimeout(200);
  assert.equal((await sentOf(v, 'loadMore')).length, 1, 'asked for more after all rows were read');
  await v.screenshot('paged');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('the detail pane shows a JSON value pretty-printed; Ctrl+C copies the selection as TSV', async () => {
  const v = await openView('results');
  await v.post({ type: 'open', tab: header(3) });
  await v.post({
    type: 'result',
    id: 3,
    result: result({ hasMore: false, cursor: undefined }),
    elapsedMs: 10,
  });
  await v.page.waitForSelector('[data-testid="results-grid"] .tabulator-row');
  const jsonCell = v.page
    .locator('[data-testid="results-grid"] .tabulator-row')
    .first()
    .locator('.tabulator-cell[tabulator-field="c3"]');
  await jsonCell.dblclick();
  const detail = v.page.getByTestId('results-detail-value');
  await detail.waitFor();
  assert.equal(await detail.getAttribute('data-json'), 'true');
  const shown = (await detail.textContent()) ?? '';
  assert.equal(shown, JSON.stringify({ channel: 'web', items: [1, 2], note: 'x'.repeat(120) }, null, 2));
  await v.screenshot('detail');

  const cell = v.page
    .locator('[data-testid="results-grid"] .tabulator-row')
    .first()
    .locator('.tabulator-cell[tabulator-field="c1"]');
  await cell.click();
  await v.page.keyboard.press('Control+c');
  const copies = await sentOf(v, 'copy');
  assert.deepEqual(copies.at(-1), { type: 'copy', text: 'customer 1', what: '1 cell' });
  // the row header selects the whole row
  await v.page
    .locator('[data-testid="results-grid"] .tabulator-row')
    .nth(1)
    .locator('.tabulator-row-header')
    .click();
  await v.page.keyboard.press('Control+c');
  const row = (await sentOf(v, 'copy')).at(-1) as unknown as { text: string };
  assert.equal(row.text.split('\t')[1], '<script>alert(1)</script>');
  assert.equal(row.text.split('\t').length, columns.length);
  // the header selects its whole column, the rows not drawn (virtual) included
  await v.page
    .locator('[data-testid="results-grid"] .tabulator-col[tabulator-field="c0"] .tabulator-col-title')
    .click();
  await v.page.keyboard.press('Control+c');
  const column = (await sentOf(v, 'copy')).at(-1) as unknown as { text: string; what: string };
  assert.equal(column.text, Array.from({ length: 40 }, (_, i) => String(i + 1)).join('\n'));
  assert.equal(column.what, '40 cells');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('an error tab shows the server message, compile problems with their place, and the compiled SQL', async () => {
  const v = await openView('results');
  await v.post({ type: 'open', tab: header(4, 'broken') });
  await v.post({
    type: 'result',
    id: 4,
    elapsedMs: 480,
    result: {
      uri: 'file:///work/shop/models/broken.sql',
      nodeId: 'model.shop.broken',
      compiledSql: 'select nope from "shop"."main"."orders"',
      columns: [],
      rows: [],
      hasMore: false,
      truncated: false,
      millis: 0,
      inlined: [],
      problems: [],
      error: {
        code: 'warehouse-query',
        message: 'target dev (duckdb shop.duckdb): Binder Error: Referenced column "nope" not found',
      },
    },
  });
  await v.page.getByTestId('results-error').waitFor();
  assert.match(await text(v, 'results-error'), /Binder Error: Referenced column "nope" not found/);
  assert.equal(await text(v, 'results-status'), 'Failed after 480 ms');
  assert.equal(await text(v, 'results-compiled-sql'), 'select nope from "shop"."main"."orders"');
  assert.ok(
    await v.page.getByTestId('results-compiled-sql').isVisible(),
    'the compiled SQL is not shown with the error',
  );
  assert.equal(
    await v.page.locator('[data-testid="results-tab"][data-tab-id="4"]').getAttribute('data-state'),
    'error',
  );
  await v.screenshot('error');

  await v.post({ type: 'open', tab: header(5, 'typo') });
  await v.post({
    type: 'result',
    id: 5,
    elapsedMs: 90,
    result: {
      uri: 'file:///work/shop/models/typo.sql',
      compiledSql: '',
      columns: [],
      rows: [],
      hasMore: false,
      truncated: false,
      millis: 0,
      problems: [
        {
          uri: 'file:///work/shop/models/typo.sql',
          severity: 'error',
          code: 'ref-unknown',
          message: "ref('ordrs') names no model",
          range: { start: { line: 2, character: 5 }, end: { line: 2, character: 20 } },
        },
      ],
      error: { code: 'compile-failed', message: 'the SQL could not be compiled: see problems' },
    },
  });
  await v.page.locator('.tab-page:not([hidden]) [data-testid="results-problems"]').waitFor();
  assert.match(await text(v, 'results-problems'), /typo\.sql:3:6 ref\('ordrs'\) names no model/);
  await v.page.locator('.tab-page:not([hidden]) [data-testid="results-problems"] a').click();
  assert.deepEqual((await sentOf(v, 'openProblem')).at(-1), {
    type: 'openProblem',
    uri: 'file:///work/shop/models/typo.sql',
    line: 2,
    character: 5,
  });
  // the earlier tab stays
  assert.equal(await v.page.getByTestId('results-tab').count(), 2);
  await v.page.locator('[data-testid="results-tab"][data-tab-id="4"]').click();
  assert.deepEqual((await sentOf(v, 'select')).at(-1), { type: 'select', id: 4 });
  assert.match(await text(v, 'results-error'), /Binder Error/);
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('header click sorts (NULL last), the profile pane shows per-column stats, Re-run restarts the timer', async () => {
  const v = await openView('results');
  await v.post({ type: 'open', tab: header(6) });
  await v.post({
    type: 'result',
    id: 6,
    result: result({ hasMore: false, cursor: undefined, rows: rows(1, 30) }),
    elapsedMs: 10,
  });
  await v.page.waitForSelector('[data-testid="results-grid"] .tabulator-row');
  const amountHeader = v.page.locator(
    '[data-testid="results-grid"] .tabulator-col[tabulator-field="c2"] .tabulator-col-sorter',
  );
  const firstAmount = () =>
    v.page
      .locator('[data-testid="results-grid"] .tabulator-row')
      .first()
      .locator('.tabulator-cell[tabulator-field="c2"]')
      .textContent();
  await amountHeader.click();
  await amountHeader.click();
  await v.page.waitForFunction(
    () =>
      document.querySelector(
        '[data-testid="results-grid"] .tabulator-row .tabulator-cell[tabulator-field="c2"]',
      )?.textContent === '45.00',
  );
  assert.equal(await firstAmount(), '45.00', 'descending sort does not start with the largest amount');
  await v.page
    .locator('[data-testid="results-grid"] .tabulator-tableholder')
    .evaluate((e) => (e.scrollTop = e.scrollHeight));
  await v.page.waitForTimeout(100);
  const lastAmount = await v.page
    .locator('[data-testid="results-grid"] .tabulator-row')
    .last()
    .locator('.tabulator-cell[tabulator-field="c2"]')
    .textContent();
  assert.equal(lastAmount, 'NULL', 'NULL is not last in a descending sort');

  await v.page.getByTestId('results-profile').click();
  assert.deepEqual((await sentOf(v, 'profile')).at(-1), { type: 'profile', id: 6 });
  await v.post({ type: 'profileRunning', id: 6, startedAt: Date.now() });
  assert.ok(await v.page.getByTestId('results-profile-cancel').isVisible());
  await v.post({
    type: 'profile',
    id: 6,
    profile: {
      rows: 30,
      millis: 85,
      inlined: [],
      columns: [
        {
          name: 'id',
          type: 'integer',
          nulls: 0,
          distinct: 30,
          min: 1,
          max: 30,
          top: [{ value: 1, count: 1 }],
        },
        {
          name: 'customer',
          type: 'text',
          nulls: 0,
          distinct: 30,
          min: '<script>alert(1)</script>',
          max: 'customer 9',
          top: [{ value: 'customer 1', count: 1 }],
        },
        {
          name: 'amount',
          type: 'decimal',
          nulls: 4,
          distinct: 26,
          min: '1.50',
          max: '45.00',
          top: [
            { value: null, count: 4 },
            { value: '1.50', count: 1 },
          ],
        },
      ],
    },
  });
  const pane = v.page.locator('.tab-page:not([hidden]) [data-testid="results-profile-pane"]');
  await pane.locator('table').waitFor();
  assert.match((await pane.textContent()) ?? '', /Profile of 30 rows/);
  const amount = await pane.locator('tbody tr').nth(2).locator('td').allTextContents();
  assert.deepEqual(amount.slice(0, 6), ['amount', 'decimal', '4 (13.3%)', '26', '1.50', '45.00']);
  assert.match(amount[6], /NULL ×4, 1\.50 ×1/);
  assert.equal(await pane.locator('script').count(), 0);
  await v.page.getByTestId('results-compiled-toggle').click();
  assert.match(await text(v, 'results-compiled-sql'), /from "shop"\."main"\."stg_orders"/);
  await v.screenshot('profile');

  await v.page.getByTestId('results-rerun').click();
  assert.deepEqual((await sentOf(v, 'rerun')).at(-1), { type: 'rerun', id: 6 });
  await v.post({ type: 'running', id: 6, startedAt: Date.now() });
  assert.ok(await v.page.getByTestId('results-cancel').isVisible());
  assert.equal(
    await v.page.locator('[data-testid="results-grid"]').count(),
    0,
    'the old rows stayed during the re-run',
  );
  await v.post({
    type: 'failed',
    id: 6,
    state: 'error',
    message: 'The dbtls server is not running: no Java 17 found.',
    elapsedMs: 5,
  });
  assert.match(await text(v, 'results-error'), /no Java 17 found/);
  // the extension closes a tab beyond the cap
  await v.post({ type: 'closed', id: 6 });
  assert.equal(await v.page.getByTestId('results-tab').count(), 0);
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('a result that arrives while its tab is hidden shows its rows once the tab is selected', async () => {
  const v = await openView('results');
  await v.post({ type: 'open', tab: header(8, 'orders') });
  await v.post({ type: 'open', tab: header(9, 'Query 2') });
  await v.post({
    type: 'result',
    id: 8,
    result: result({ hasMore: false, cursor: undefined }),
    elapsedMs: 10,
  });
  await v.post({
    type: 'result',
    id: 9,
    result: result({ rows: rows(100, 5), hasMore: false, cursor: undefined }),
    elapsedMs: 10,
  });
  await v.page.waitForSelector('.tab-page:not([hidden]) [data-testid="results-grid"] .tabulator-row');
  await v.page.locator('[data-testid="results-tab"][data-tab-id="8"]').click();
  await v.page.waitForSelector(
    '.tab-page[data-tab-id="8"]:not([hidden]) [data-testid="results-grid"] .tabulator-row',
  );
  const visible = await v.page
    .locator('.tab-page[data-tab-id="8"] [data-testid="results-grid"] .tabulator-row')
    .count();
  assert.ok(visible >= 20, `only ${visible} rows drawn in the tab shown again`);
  const box = await v.page
    .locator('.tab-page[data-tab-id="8"] [data-testid="results-grid"] .tabulator-tableholder')
    .boundingBox();
  assert.ok(box && box.height > 300, `the grid is ${box?.height}px high`);
  await v.screenshot('second-tab');
  assert.deepEqual(v.errors, []);
  await v.close();
});

test('on a warehouse that bills by bytes, the bytes its dry run said the query scans are noted', async () => {
  const v = await openView('results');
  await v.post({ type: 'open', tab: header(10, 'customers') });
  await v.post({
    type: 'result',
    id: 10,
    result: result({ hasMore: false, cursor: undefined, bytesScanned: 1_234_567 }),
    elapsedMs: 10,
  });
  await v.page.waitForSelector('[data-testid="results-grid"] .tabulator-row');
  assert.equal(
    await v.page.getByTestId('results-scanned').textContent(),
    "Scanned 1.2 MB, as the warehouse's dry run said before it ran",
  );
  await v.screenshot('scanned');
  assert.deepEqual(v.errors, []);
  await v.close();
});
