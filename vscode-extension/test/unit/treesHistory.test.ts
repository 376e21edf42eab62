import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HistoryEntry } from '../../src/protocol.generated';
import {
  duration,
  historyDescription,
  historyItems,
  historyLabel,
  sqlLanguage,
  timeAgo,
} from '../../src/trees/historyItems';

const now = new Date('2024-05-10T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

const ok: HistoryEntry = {
  id: 7,
  project: '/w/shop',
  target: 'dev',
  adapter: 'duckdb',
  sql: '-- top orders\nselect *\nfrom {{ ref("orders") }}',
  startedAt: ago(300),
  durationMs: 120,
  rowCount: 42,
  status: 'ok',
};
const failed: HistoryEntry = {
  id: 8,
  project: '/w/shop',
  sql: 'select nope',
  startedAt: ago(30),
  durationMs: 1500,
  status: 'error',
  error: 'Binder Error: column "nope" not found\nLINE 1',
};
const cancelled: HistoryEntry = {
  id: 9,
  sql: 'select 1',
  startedAt: ago(2),
  durationMs: 65_000,
  status: 'cancelled',
};

test('time ago, in words a glance reads', () => {
  assert.equal(timeAgo(ago(3), now), 'just now');
  assert.equal(timeAgo(ago(42), now), '42 s ago');
  assert.equal(timeAgo(ago(300), now), '5 min ago');
  assert.equal(timeAgo(ago(3 * 3600 + 10), now), '3 h ago');
  assert.equal(timeAgo(ago(30 * 3600), now), 'yesterday');
  assert.equal(timeAgo(ago(3 * 86400), now), '3 d ago');
  assert.equal(timeAgo('2024-01-02T03:04:05Z', now), '2024-01-02');
  assert.equal(timeAgo(ago(-50), now), 'just now');
  assert.equal(timeAgo(undefined, now), '');
});

test('durations', () => {
  assert.equal(duration(850), '850 ms');
  assert.equal(duration(1234), '1.2 s');
  assert.equal(duration(12_345), '12 s');
  assert.equal(duration(125_000), '2 min 5 s');
});

test('the label is the first line of SQL that says something', () => {
  assert.equal(historyLabel(ok.sql), 'select *');
  assert.equal(
    historyLabel('{# a note #}\n/* block\ncomment */  select   a,  b from t'),
    'select a, b from t',
  );
  assert.equal(
    historyLabel("{{\n  config(materialized='table')\n}}\n{% set x = 1 %}\nwith orders as (\n select 1)"),
    'with orders as (',
  );
  assert.equal(historyLabel('\n\n   \n'), '(empty query)');
  assert.equal(historyLabel('-- only a comment'), '-- only a comment');
  assert.equal(historyLabel(`select ${'x'.repeat(200)}`).length, 80);
});

test('the description: time ago · duration · rows, error or cancelled', () => {
  assert.equal(historyDescription(ok, now), '5 min ago · 120 ms · 42 rows');
  assert.equal(historyDescription({ ...ok, rowCount: 1 }, now), '5 min ago · 120 ms · 1 row');
  assert.equal(
    historyDescription(failed, now),
    '30 s ago · 1.5 s · error: Binder Error: column "nope" not found',
  );
  assert.equal(historyDescription(cancelled, now), 'just now · 1 min 5 s · cancelled');
});

test('rows: an icon per status, a click opens the SQL, the context menu matches "query"', () => {
  const items = historyItems({ entries: [cancelled, failed, ok] }, now);
  assert.deepEqual(
    items.map((i) => [i.id, i.icon]),
    [
      ['history/9', 'circle-slash'],
      ['history/8', 'error'],
      ['history/7', 'pass'],
    ],
  );
  assert.ok(items.every((i) => i.contextValue === 'query' && i.click === 'dbtls.history.open' && i.entry));
  assert.match(items[1].tooltip ?? '', /select nope[\s\S]*Binder Error/);
  assert.match(items[2].tooltip ?? '', /target dev · duckdb · \/w\/shop/);
});

test('a search shows first, and says when nothing matches', () => {
  const items = historyItems({ entries: [], filter: 'orders' }, now);
  assert.deepEqual(
    items.map((i) => i.label),
    ['Matching “orders”', 'No query matches “orders”.'],
  );
  assert.equal(items[0].click, 'dbtls.history.search');
  assert.deepEqual(
    historyItems({ entries: [] }, now).map((i) => i.id),
    ['history/empty'],
  );
});

test('an error is one row; a full page offers more', () => {
  assert.deepEqual(
    historyItems({ error: 'The dbtls server is starting.' }, now).map((i) => [i.label, i.icon]),
    [['The dbtls server is starting.', 'error']],
  );
  const items = historyItems({ entries: [ok], more: true }, now);
  assert.equal(items[items.length - 1].click, 'dbtls.history.more');
});

test('SQL with Jinja opens as dbt SQL', () => {
  assert.equal(sqlLanguage('select * from {{ ref("a") }}'), 'jinja-sql');
  assert.equal(sqlLanguage('select 1'), 'sql');
});
