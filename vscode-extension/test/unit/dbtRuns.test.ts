// dbt build from the editor against a stand-in for the `vscode` module and a scripted server:
// dbt/run carries the client's run id so progress shows live in the Runs view, the build's tests
// reach the Testing view, Cancel cancels the request, and a protected target asks before a second
// request that allows it.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { before, test } from 'node:test';
import type { DbtRuns as Runs } from '../../src/runs/dbtRuns';
import { Emitter, TokenSource } from './vscodeParts';

const testing: string[] = [];
const lines: string[] = [];
let modalAnswer: string | undefined;
const modals: string[] = [];

const fakeVscode = {
  commands: { executeCommand: async () => undefined },
  window: {
    createOutputChannel: () => ({
      appendLine: (l: string) => lines.push(l),
      show: () => {},
      dispose: () => {},
    }),
    showWarningMessage: async (m: string, _o: unknown, ..._items: string[]) => {
      modals.push(m);
      return modalAnswer;
    },
    showErrorMessage: async (m: string) => void modals.push(m),
  },
  EventEmitter: Emitter,
  CancellationTokenSource: TokenSource,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
};

type Call = {
  method: string;
  params: Record<string, unknown>;
  token?: { isCancellationRequested: boolean };
  answer(v: unknown): void;
};

class ScriptedServer {
  calls: Call[] = [];
  progress = new Emitter<unknown>();
  request(method: string, params: Record<string, unknown>, token?: Call['token']): Promise<unknown> {
    return new Promise((answer) => this.calls.push({ method, params, token, answer }));
  }
  onNotification(_method: string, h: (p: unknown) => void) {
    return this.progress.event(h);
  }
}

const fakeTests = {
  begin: (label: string) => ({
    node: (n: { name: string; status: string }) => testing.push(`${label}: ${n.name} ${n.status}`),
    end: () => testing.push(`${label}: end`),
  }),
};

let DbtRuns: typeof Runs;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : load(request, ...rest);
  ({ DbtRuns } = await import('../../src/runs/dbtRuns'));
});

const MODEL = 'file:///w/shop/models/orders.sql';
const tick = () => new Promise((r) => setImmediate(r));

test('a build shows its nodes as they run, its tests in the Testing view, and ends with dbt counts', async () => {
  const server = new ScriptedServer();
  const runs = new DbtRuns(server as never, fakeTests as never);
  const done = runs.start({ uri: MODEL, command: 'build', select: ['orders+'], target: 'orders+' });
  const call = server.calls[0];
  const runId = call.params.runId as string;
  assert.match(runId, /^run-/);
  assert.deepEqual(
    { ...call.params, runId: 'x' },
    {
      uri: MODEL,
      command: 'build',
      select: ['orders+'],
      fullRefresh: undefined,
      allowProtectedTarget: false,
      runId: 'x',
    },
  );
  server.progress.fire({
    runId,
    uniqueId: 'model.shop.orders',
    name: 'orders',
    status: 'running',
    index: 1,
    total: 2,
    resourceType: 'model',
  });
  server.progress.fire({
    runId: 'someone-else',
    uniqueId: 'model.shop.x',
    name: 'x',
    status: 'running',
    index: 1,
    total: 1,
  });
  // live: the row says how far the run is before the answer
  const rows = await runs.tree.rows();
  runs.tree.refresh();
  const live = await runs.tree.rows();
  assert.ok(rows.length === 1 && live[0].children?.length === 1, JSON.stringify(live));
  assert.match(live[0].description ?? '', /running 0 of 2/);
  const model = {
    runId,
    uniqueId: 'model.shop.orders',
    name: 'orders',
    status: 'success',
    index: 1,
    total: 2,
    message: 'CREATE TABLE',
    seconds: 0.1,
    resourceType: 'model',
  };
  const test1 = {
    runId,
    uniqueId: 'test.shop.unique_orders_order_id',
    name: 'unique_orders_order_id',
    status: 'pass',
    index: 2,
    total: 2,
    resourceType: 'test',
    seconds: 0.01,
  };
  server.progress.fire(model);
  call.answer({
    runId,
    command: 'build',
    results: [model, test1],
    pass: 2,
    warn: 0,
    errors: 0,
    skip: 0,
    seconds: 0.3,
  });
  const result = await done;
  assert.equal(result?.pass, 2);
  runs.tree.refresh();
  const after = await runs.tree.rows();
  assert.equal(after[0].icon, 'pass');
  assert.deepEqual(
    after[0].children?.map((c) => c.label),
    ['orders', 'unique_orders_order_id'],
  );
  assert.deepEqual(testing, [
    'dbt build orders+: orders running',
    'dbt build orders+: orders success',
    'dbt build orders+: unique_orders_order_id pass',
    'dbt build orders+: end',
  ]);
  assert.ok(lines.includes('1 of 2 OK model orders [CREATE TABLE in 0.10s]'), lines.join('\n'));
  assert.ok(lines.includes('Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2'), lines.join('\n'));
  runs.dispose();
});

test('Cancel cancels the running request; a protected target asks, and a yes sends it again allowed', async () => {
  const server = new ScriptedServer();
  const runs = new DbtRuns(server as never, fakeTests as never);
  const first = runs.start({ uri: MODEL, command: 'run', target: 'orders' });
  runs.cancel();
  assert.equal(server.calls[0].token?.isCancellationRequested, true);
  server.calls[0].answer({
    runId: 'x',
    command: 'run',
    results: [],
    pass: 0,
    warn: 0,
    errors: 0,
    skip: 0,
    seconds: 0,
  });
  await first;

  modalAnswer = 'Write to It';
  const second = runs.start({ uri: MODEL, command: 'run', target: 'orders' });
  server.calls[1].answer({
    runId: 'y',
    command: 'run',
    results: [],
    pass: 0,
    warn: 0,
    errors: 0,
    skip: 0,
    seconds: 0,
    error: { code: 'target-protected', message: "target 'prod' is protected (dbtls.run.protectedTargets)" },
  });
  await tick();
  await tick();
  assert.match(modals.at(-1) ?? '', /target 'prod' is protected/);
  assert.equal(server.calls.length, 3);
  assert.equal(server.calls[2].params.allowProtectedTarget, true);
  server.calls[2].answer({
    runId: 'z',
    command: 'run',
    results: [],
    pass: 1,
    warn: 0,
    errors: 0,
    skip: 0,
    seconds: 0.1,
  });
  assert.equal((await second)?.pass, 1);
  runs.dispose();
});

test('the view shows the newest runs of the run history below this session’s, with their nodes', async () => {
  const server = new ScriptedServer();
  const runs = new DbtRuns(server as never, fakeTests as never);
  const answer = async (method: string, value: unknown) => {
    for (let i = 0; i < 20; i++) {
      const call = server.calls.find((c) => c.method === method && !(c as { done?: boolean }).done);
      if (call) {
        (call as { done?: boolean }).done = true;
        call.answer(value);
        return call;
      }
      await new Promise((r) => setImmediate(r));
    }
    assert.fail(`no ${method} request`);
  };
  const first = await runs.tree.rows();
  assert.match(first[0].label ?? '', /No run yet/);
  await answer('dbt/projects', { projects: [{ name: 'shop', uri: 'file:///w/shop' }] });
  const list = await answer('dbt/runs', {
    runs: [
      {
        runId: 'old-1',
        command: 'build',
        target: 'dev',
        startedAt: '2026-11-24T09:30:00Z',
        seconds: 2.5,
        pass: 1,
        warn: 0,
        errors: 1,
        skip: 0,
      },
    ],
  });
  assert.deepEqual(list?.params, { uri: 'file:///w/shop/dbt_project.yml', limit: 10 });
  const one = await answer('dbt/runs', {
    runs: [
      {
        runId: 'old-1',
        command: 'build',
        target: 'dev',
        startedAt: '2026-11-24T09:30:00Z',
        seconds: 2.5,
        pass: 1,
        warn: 0,
        errors: 1,
        skip: 0,
        nodes: [
          {
            runId: 'old-1',
            uniqueId: 'model.shop.orders',
            name: 'orders',
            status: 'success',
            index: 1,
            total: 2,
            message: 'CREATE VIEW',
            resourceType: 'model',
          },
          {
            runId: 'old-1',
            uniqueId: 'test.shop.t',
            name: 't',
            status: 'fail',
            index: 2,
            total: 2,
            failures: 3,
            resourceType: 'test',
          },
        ],
      },
    ],
  });
  assert.deepEqual(one?.params, { uri: 'file:///w/shop/dbt_project.yml', runId: 'old-1' });
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  const rows = await runs.tree.rows();
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.equal(rows[0].label, 'dbt build on dev');
  assert.match(rows[0].description ?? '', /PASS=1 WARN=0 ERROR=1 SKIP=0 · 2\.50s/);
  assert.equal(rows[0].icon, 'error');
  assert.deepEqual(
    rows[0].children?.map((c) => `${c.label} ${c.icon}`),
    ['orders pass', 't error'],
  );
  runs.dispose();
});
