import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewResult } from '../../src/protocol.generated';
import { elapsedText, endedText, finalMillis } from '../../src/results/elapsed';
import { bytesText, EXPORT_FORMATS, exportedMessage, exportFileName } from '../../src/results/exportFormats';
import { modelName, ResultTabs } from '../../src/results/resultTabs';

const URI = 'file:///work/shop/models/orders.sql';
const ok = (over: Partial<PreviewResult> = {}): PreviewResult => ({
  columns: [],
  rows: [[1], [2]],
  hasMore: true,
  truncated: false,
  cursor: 'c1',
  millis: 42,
  ...over,
});

test('tabs are titled by the model, or Query N for ad-hoc SQL', () => {
  const tabs = new ResultTabs();
  assert.equal(tabs.open({ uri: URI }, 0).tab.title, 'orders');
  assert.equal(tabs.open({ uri: URI, uniqueId: 'model.shop.stg_orders' }, 0).tab.title, 'stg_orders');
  assert.equal(tabs.open({ uri: URI, sql: 'select 1' }, 0).tab.title, 'Query 1');
  assert.equal(tabs.open({ uri: URI, sql: 'select 2' }, 0).tab.title, 'Query 2');
  assert.equal(
    tabs.open({ uri: URI, sql: 'select 3', title: 'Top customers' }, 0).tab.title,
    'Top customers',
  );
  assert.equal(modelName('file:///w/models/my%20model.sql'), 'my model');
  assert.equal(modelName('file:///w/snapshots/s.sql', 'snapshot.shop.orders_snapshot'), 'orders_snapshot');
});

test('the oldest tab closes beyond the cap, and the newest is active', () => {
  const tabs = new ResultTabs(3);
  const ids = [1, 2, 3].map((i) => tabs.open({ uri: URI, sql: `select ${i}` }, i).tab.id);
  assert.equal(tabs.finish(ids[0], 1, ok({ cursor: 'first' }), 5)?.cursor, 'first');
  const { tab, evicted } = tabs.open({ uri: URI }, 10);
  assert.deepEqual(
    evicted.map((t) => t.id),
    [ids[0]],
  );
  assert.equal(evicted[0].cursor, 'first', 'the evicted tab carries its cursor, to close');
  assert.deepEqual(
    tabs.all().map((t) => t.id),
    [ids[1], ids[2], tab.id],
  );
  assert.equal(tabs.active()?.id, tab.id);
  tabs.select(ids[1]);
  assert.equal(tabs.active()?.id, ids[1]);
  tabs.close(ids[1]);
  assert.equal(tabs.active()?.id, ids[2], 'closing the active tab activates its neighbour');
});

test('a result ends the run with the server time; a cursor is kept only while more rows follow', () => {
  const tabs = new ResultTabs();
  const { tab } = tabs.open({ uri: URI }, 1000);
  assert.equal(tab.state, 'running');
  const done = tabs.finish(tab.id, tab.run, ok(), 2500)!;
  assert.equal(done.state, 'done');
  assert.equal(done.millis, 42);
  assert.equal(done.rows, 2);
  assert.equal(done.cursor, 'c1');
  const other = tabs.open({ uri: URI }, 0).tab;
  assert.equal(
    tabs.finish(other.id, other.run, ok({ hasMore: false, cursor: undefined }), 0)?.cursor,
    undefined,
  );
});

test('an error answer ends the run with the time waited and the server message', () => {
  const tabs = new ResultTabs();
  const { tab } = tabs.open({ uri: URI }, 1000);
  const t = tabs.finish(
    tab.id,
    tab.run,
    ok({
      rows: [],
      hasMore: false,
      cursor: undefined,
      millis: 0,
      error: { code: 'warehouse-query', message: 'Binder Error' },
    }),
    1480,
  )!;
  assert.equal(t.state, 'error');
  assert.equal(t.message, 'Binder Error');
  assert.equal(t.millis, 480);
});

test('cancel ends the run at once; the answer that comes later is stale', () => {
  const tabs = new ResultTabs();
  const { tab } = tabs.open({ uri: URI }, 1000);
  const cancelled = tabs.cancel(tab.id, 4200)!;
  assert.equal(cancelled.state, 'cancelled');
  assert.equal(cancelled.millis, 3200);
  assert.equal(cancelled.message, 'Cancelled after 3.2 s');
  assert.equal(tabs.cancel(tab.id, 5000), undefined, 'cancelled twice');
  assert.equal(tabs.finish(tab.id, tab.run, ok(), 6000), undefined, 'a late result was taken');
  assert.equal(tabs.fail(tab.id, tab.run, 'cancelled', 'x', 6000), undefined, 'a late failure was taken');
  assert.equal(tabs.get(tab.id)?.millis, 3200);
});

test('re-run: the old cursor is to close, the old run answers are stale', () => {
  const tabs = new ResultTabs();
  const { tab } = tabs.open({ uri: URI }, 0);
  tabs.finish(tab.id, 1, ok({ cursor: 'old' }), 10);
  const again = tabs.rerun(tab.id, 100)!;
  assert.equal(again.staleCursor, 'old');
  assert.equal(again.tab.state, 'running');
  assert.equal(again.tab.run, 2);
  assert.equal(again.tab.cursor, undefined);
  assert.equal(tabs.finish(tab.id, 1, ok(), 200), undefined, 'the first run answered into the second');
  assert.equal(tabs.finish(tab.id, 2, ok({ cursor: 'new' }), 200)?.cursor, 'new');
});

test('pages: one request at a time, rows add up, the cursor goes once all rows are read', () => {
  const tabs = new ResultTabs();
  const { tab } = tabs.open({ uri: URI }, 0);
  assert.equal(tabs.startPage(tab.id), undefined, 'paging while running');
  tabs.finish(tab.id, 1, ok(), 1);
  assert.deepEqual(tabs.startPage(tab.id), { cursor: 'c1', run: 1 });
  assert.equal(tabs.startPage(tab.id), undefined, 'a second page request while one is under way');
  tabs.page(tab.id, 1, { rows: [[3], [4], [5]], hasMore: true, truncated: false, cursor: 'c2' });
  assert.equal(tabs.get(tab.id)?.rows, 5);
  assert.deepEqual(tabs.startPage(tab.id), { cursor: 'c2', run: 1 });
  const last = tabs.page(tab.id, 1, { rows: [[6]], hasMore: false, truncated: true })!;
  assert.equal(last.rows, 6);
  assert.equal(last.cursor, undefined);
  assert.equal(last.truncated, true);
  assert.equal(tabs.startPage(tab.id), undefined, 'paging past the end');
});

test('a failed page keeps the cursor for another try; an expired cursor ends paging', () => {
  const tabs = new ResultTabs();
  const { tab } = tabs.open({ uri: URI }, 0);
  tabs.finish(tab.id, 1, ok(), 1);
  tabs.startPage(tab.id);
  tabs.pageFailed(tab.id, 1);
  assert.deepEqual(tabs.startPage(tab.id), { cursor: 'c1', run: 1 });
  const t = tabs.page(tab.id, 1, {
    rows: [],
    hasMore: false,
    truncated: false,
    error: { code: 'warehouse-cursor', message: 'expired' },
  })!;
  assert.equal(t.hasMore, false);
  assert.equal(t.cursor, undefined);
});

test('closing every tab hands back their cursors', () => {
  const tabs = new ResultTabs();
  const a = tabs.open({ uri: URI }, 0).tab;
  tabs.open({ uri: URI }, 0);
  tabs.finish(a.id, 1, ok({ cursor: 'ca' }), 1);
  assert.deepEqual(
    tabs.closeAll().map((t) => t.cursor),
    ['ca', undefined],
  );
  assert.equal(tabs.all().length, 0);
  assert.equal(tabs.active(), undefined);
});

test('the tab header says what ran', () => {
  const tabs = new ResultTabs();
  const h = tabs.header(tabs.open({ uri: URI, sql: '\n select *\nfrom x' }, 5).tab);
  assert.deepEqual(h, { id: 1, title: 'Query 1', detail: 'select *', startedAt: 5, canProfile: true });
  assert.equal(tabs.header(tabs.open({ uri: URI, cte: 'paid' }, 5).tab).canProfile, false);
});

test('elapsed times read as people say them', () => {
  assert.equal(elapsedText(840), '840 ms');
  assert.equal(elapsedText(3250), '3.2 s');
  assert.equal(elapsedText(59_999), '59.9 s');
  assert.equal(elapsedText(245_000), '4 min 05 s');
  assert.equal(endedText('cancelled', 3200), 'Cancelled after 3.2 s');
  assert.equal(endedText('error', 480), 'Failed after 480 ms');
  assert.equal(finalMillis(12, 900), 12);
  assert.equal(finalMillis(0, 900), 900);
  assert.equal(finalMillis(undefined, 900), 900);
});

test('export: every format, a file name from the title, the outcome in one sentence', () => {
  assert.deepEqual(
    EXPORT_FORMATS.map((f) => f.id),
    ['csv', 'json', 'jsonl', 'parquet', 'xlsx'],
  );
  const csv = EXPORT_FORMATS[0];
  assert.equal(exportFileName('orders', csv), 'orders.csv');
  assert.equal(exportFileName('Query 3', EXPORT_FORMATS[3]), 'Query_3.parquet');
  assert.equal(exportFileName('../x', csv), 'x.csv');
  assert.equal(exportFileName('   ', csv), 'results.csv');
  assert.equal(bytesText(512), '512 B');
  assert.equal(bytesText(1536), '1.5 KB');
  assert.equal(bytesText(5 * 1024 * 1024), '5.0 MB');
  assert.equal(
    exportedMessage({ rows: 12345, bytes: 1_300_000, millis: 3200 }, 'orders.csv'),
    'Exported 12,345 rows to orders.csv (1.2 MB) in 3.2 s.',
  );
});
