import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SavedQuery } from '../../src/protocol.generated';
import {
  folderPath,
  normalizeFolder,
  parseTags,
  savedItems,
  type SavedItem,
} from '../../src/trees/savedItems';

const q = (id: number, name: string, folder?: string, tags: string[] = []): SavedQuery => ({
  id,
  name,
  folder,
  tags,
  sql: `select ${id}`,
});

test('folders nest by "/", queries sorted by name, folders first', () => {
  const items = savedItems({
    queries: [
      q(1, 'top customers', 'finance/monthly', ['daily', 'revenue']),
      q(2, 'b', 'finance'),
      q(3, 'loose'),
      q(4, 'a', 'finance'),
    ],
  });
  assert.deepEqual(
    items.map((i) => i.label),
    ['finance', 'loose'],
  );
  const finance = items[0];
  assert.deepEqual(
    finance.children?.map((i) => i.label),
    ['monthly', 'a', 'b'],
  );
  const top = finance.children?.[0].children?.[0] as SavedItem;
  assert.equal(top.label, 'top customers');
  assert.equal(top.description, '#daily #revenue');
  assert.equal(top.contextValue, 'saved');
  assert.equal(top.click, 'dbtls.saved.open');
  assert.equal(top.query?.sql, 'select 1');
  assert.equal(top.id, 'saved/1');
  assert.equal(finance.children?.[0].id, 'saved/finance/monthly');
  assert.match(top.tooltip ?? '', /folder finance\/monthly · #daily #revenue[\s\S]*select 1/);
});

test('without tags, the description says what it is for', () => {
  const [item] = savedItems({ queries: [{ ...q(5, 'x'), description: 'weekly check\nmore' }] });
  assert.equal(item.description, 'weekly check');
});

test('nothing saved, or an error: one row saying so', () => {
  assert.deepEqual(
    savedItems({ queries: [] }).map((i) => i.id),
    ['saved/empty'],
  );
  assert.deepEqual(
    savedItems({ error: 'store locked' }).map((i) => [i.label, i.icon]),
    [['store locked', 'error']],
  );
});

test('what the save inputs turn into', () => {
  assert.deepEqual(folderPath(' /a//b/ '), ['a', 'b']);
  assert.equal(normalizeFolder(' /a//b/ '), 'a/b');
  assert.equal(normalizeFolder('  '), undefined);
  assert.deepEqual(parseTags('daily, revenue #finance daily;;x'), ['daily', 'revenue', 'finance', 'x']);
  assert.deepEqual(parseTags(''), []);
});
