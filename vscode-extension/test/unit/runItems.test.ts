// The Runs view's rows as plain data: newest run first and expanded, live "n of N" while it runs,
// dbt's counts once done, each node with its kind, the database's response or dbt's message, its
// time, an icon per status; a run that could not start shows why; dbt-style log lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunNode } from '../../src/protocol.generated';
import { logLine, runItems, type RunRecord } from '../../src/runs/runItems';

const node = (name: string, status: RunNode['status'], extra: Partial<RunNode> = {}): RunNode => ({
  runId: 'run-1',
  uniqueId: `model.shop.${name}`,
  name,
  status,
  index: 1,
  total: 3,
  resourceType: 'model',
  ...extra,
});

function record(key: string, nodes: RunNode[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    key,
    command: 'build',
    target: 'orders+',
    started: new Date(2026, 10, 25, 10, 0, 0),
    nodes: new Map(nodes.map((n) => [n.uniqueId ?? '', n])),
    ...extra,
  };
}

test('no run yet: a hint naming the commands', () => {
  const rows = runItems([]);
  assert.equal(rows.length, 1);
  assert.match(rows[0].label, /Build Model/);
});

test('a running run shows how far it is; a finished one dbt counts; newest first and expanded', () => {
  const done = record(
    'run-1',
    [
      node('orders', 'success', { message: 'CREATE TABLE', seconds: 0.05, relation: '"db"."main"."orders"' }),
      node('unique_orders_order_id', 'fail', {
        uniqueId: 'test.shop.unique_orders_order_id',
        resourceType: 'test',
        failures: 2,
        message: 'Got 2 results, configured to fail if != 0',
        seconds: 0.01,
      }),
      node('customers', 'skipped', { message: 'skipped: test.shop.unique_orders_order_id did not succeed' }),
    ],
    {
      result: {
        runId: 'run-1',
        command: 'build',
        results: [],
        pass: 1,
        warn: 0,
        errors: 1,
        skip: 1,
        seconds: 1.25,
      },
    },
  );
  const live = record('run-2', [node('orders', 'success', { seconds: 0.1 }), node('customers', 'running')], {
    target: 'the project',
  });
  const rows = runItems([done, live]);
  assert.deepEqual(
    rows.map((r) => [r.label, r.icon, r.contextValue, r.expanded]),
    [
      ['dbt build the project', 'sync~spin', 'run-running', true],
      ['dbt build orders+', 'error', 'run', false],
    ],
  );
  assert.match(rows[0].description ?? '', /running 1 of 3$/);
  assert.match(rows[1].description ?? '', /PASS=1 WARN=0 ERROR=1 SKIP=1 · 1\.25s$/);
  assert.deepEqual(
    rows[1].children?.map((c) => [c.label, c.description, c.icon]),
    [
      ['orders', 'model · CREATE TABLE · 0.05s', 'pass'],
      ['unique_orders_order_id', 'test · Got 2 results, configured to fail if != 0 · 0.01s', 'error'],
      ['customers', 'model · skipped: test.shop.unique_orders_order_id did not succeed', 'debug-step-over'],
    ],
  );
  assert.equal(rows[0].children?.[1].description, 'model · running');
});

test('a run refused before any node shows why under it', () => {
  const rows = runItems([record('run-1', [], { error: "target 'prod' is protected" })]);
  assert.equal(rows[0].icon, 'error');
  assert.equal(rows[0].children?.[0].label, "target 'prod' is protected");
});

test("log lines read as dbt's", () => {
  assert.equal(
    logLine(node('orders', 'success', { message: 'SELECT 3', seconds: 0.5, relation: 'main.orders' })),
    '1 of 3 OK model main.orders [SELECT 3 in 0.50s]',
  );
  assert.equal(logLine(node('orders', 'running')), '1 of 3 START model orders [RUN]');
  assert.equal(
    logLine(node('orders', 'error', { message: 'Database Error in model orders: boom', seconds: 0.1 })),
    '1 of 3 ERROR model orders [ERROR in 0.10s]: Database Error in model orders: boom',
  );
});
