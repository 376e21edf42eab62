// The benchmark panel's glue, against a stand-in for the `vscode` module and a scripted server:
// the job starts with the settings, ends by dbt/benchmarkFinished (even one that beats the
// answer), Cancel asks dbt/benchmarkCancel, failures reach the view, and Apply goes through the
// server's confirm flow with a modal question in between.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { before, test } from 'node:test';
import type { BenchmarkPanel as Panel } from '../../src/benchmark/benchmarkPanel';
import { emptyTabs, Emitter, uri, type Msg } from './vscodeParts';

const ui = {
  posted: [] as Msg[],
  fromView: new Emitter<Msg>(),
  disposed: new Emitter<void>(),
  title: '',
  warnings: [] as Array<{ message: string; options: unknown; items: string[] }>,
  /** What the user picks in the next warning. */
  pick: undefined as string | undefined,
  commands: [] as unknown[][],
};

const fakeVscode = {
  TabInputText: emptyTabs.TabInputText,
  TabInputWebview: emptyTabs.TabInputWebview,
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  EventEmitter: Emitter,
  Uri: {
    joinPath: (u: { toString(): string }, ...p: string[]) => uri([u.toString(), ...p].join('/')),
    parse: uri,
  },
  window: {
    tabGroups: emptyTabs.tabGroups,
    createWebviewPanel: () => ({
      webview: {
        cspSource: 'vscode-resource:',
        html: '',
        asWebviewUri: (u: unknown) => u,
        onDidReceiveMessage: ui.fromView.event,
        postMessage: async (m: Msg) => void ui.posted.push(m),
      },
      set title(t: string) {
        ui.title = t;
      },
      get title() {
        return ui.title;
      },
      onDidDispose: ui.disposed.event,
      reveal: () => {},
      dispose: () => ui.disposed.fire(),
    }),
    showErrorMessage: async () => undefined,
    showWarningMessage: async (message: string, ...rest: unknown[]) => {
      const options = typeof rest[0] === 'object' ? rest.shift() : undefined;
      ui.warnings.push({ message, options, items: rest as string[] });
      const p = ui.pick;
      ui.pick = undefined;
      return p;
    },
    setStatusBarMessage: () => ({ dispose() {} }),
  },
  workspace: {
    getConfiguration: () => ({
      get: (k: string) => (({ warmups: 2, runs: 10, timeBudgetSeconds: 300 }) as Record<string, number>)[k],
    }),
  },
  commands: { executeCommand: async (...a: unknown[]) => void ui.commands.push(a) },
  env: { clipboard: { writeText: async () => undefined } },
};

type Call = {
  method: string;
  params: Record<string, unknown>;
  answer(v: unknown): void;
  fail(e: unknown): void;
};

class ScriptedServer {
  extensionUri = uri('file:///ext');
  calls: Call[] = [];
  finished = new Emitter<unknown>();
  request(method: string, params: Record<string, unknown>): Promise<unknown> {
    return new Promise((answer, fail) => this.calls.push({ method, params, answer, fail }));
  }
  onNotification(method: string, h: (p: unknown) => void) {
    assert.equal(method, 'dbt/benchmarkFinished');
    return this.finished.event(h);
  }
  of(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }
}

let BenchmarkPanel: typeof Panel;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : load(request, ...rest);
  ({ BenchmarkPanel } = await import('../../src/benchmark/benchmarkPanel'));
});

const MODEL = 'file:///work/shop/models/big_customer.sql';
const posted = (type: string) => ui.posted.filter((m) => m.type === type);
const tick = () => new Promise((r) => setImmediate(r));
const report = {
  storedId: 5,
  label: 'model big_customer: buffer vs saved file',
  status: 'ok',
  millis: 800,
  variants: [],
  comparisons: [],
};
const recommendation = {
  id: 7,
  target: 'dev',
  title: 'index',
  applySql: 'create index i on shop.orders (customer_id)',
  rollbackSql: 'drop index shop.i',
  status: 'benchmarked',
  updatedAt: 1,
};

function reset(): ScriptedServer {
  BenchmarkPanel.closeAll();
  ui.posted.length = 0;
  ui.warnings.length = 0;
  ui.commands.length = 0;
  const s = new ScriptedServer();
  return s;
}

test('a benchmark starts with the settings, shows progress of the job and ends with dbt/benchmarkFinished', async () => {
  const server = reset();
  const done = BenchmarkPanel.show(server as never, { uri: MODEL, compare: 'saved' });
  ui.fromView.fire({ type: 'ready' });
  assert.equal(ui.title, 'Benchmark: big_customer');
  assert.deepEqual(server.of('dbt/benchmark')[0].params, {
    uri: MODEL,
    compare: 'saved',
    recommendationId: undefined,
    warmups: 2,
    runs: 10,
    timeBudgetSeconds: 300,
  });
  assert.deepEqual(server.of('dbt/benchmarks')[0].params, { uri: MODEL, limit: 20 });
  server.of('dbt/benchmarks')[0].answer({ benchmarks: [report] });
  server
    .of('dbt/benchmark')[0]
    .answer({ id: 'j1', label: report.label, variants: ['saved file', 'buffer'], problems: [] });
  await done;
  assert.equal(posted('starting').length, 1);
  assert.deepEqual(posted('started')[0].variants, ['saved file', 'buffer']);
  assert.equal(posted('history').length, 1);

  server.finished.fire({ id: 'other', state: 'ok', done: 1, total: 1 });
  assert.equal(posted('ended').length, 0, "another job's end is not this one's");
  server.finished.fire({ id: 'j1', state: 'ok', done: 24, total: 24, report });
  const ended = posted('ended')[0] as unknown as { status: { report: typeof report } };
  assert.equal(ended.status.report.storedId, 5);
  assert.equal(server.of('dbt/benchmarks').length, 2, 'the history is asked again');
});

test('a job that ends before its start is answered still ends; Cancel asks the server and shows its answer', async () => {
  const server = reset();
  const done = BenchmarkPanel.show(server as never, { uri: MODEL });
  ui.fromView.fire({ type: 'ready' });
  assert.equal(server.of('dbt/benchmark')[0].params.compare, undefined);
  server.finished.fire({ id: 'fast', state: 'ok', done: 3, total: 3, report });
  server.of('dbt/benchmark')[0].answer({ id: 'fast', label: 'model big_customer', variants: ['buffer'] });
  await done;
  assert.equal(posted('ended').length, 1);

  ui.fromView.fire({ type: 'rerun' });
  await tick();
  server.of('dbt/benchmark')[1].answer({ id: 'j2', label: 'x', variants: ['buffer'] });
  await tick();
  ui.fromView.fire({ type: 'cancel' });
  await tick();
  const cancel = server.of('dbt/benchmarkCancel')[0];
  assert.deepEqual(cancel.params, { id: 'j2' });
  cancel.answer({
    id: 'j2',
    state: 'cancelled',
    done: 4,
    total: 12,
    report: { ...report, status: 'cancelled' },
  });
  await tick();
  assert.equal((posted('ended')[1] as unknown as { status: { state: string } }).status.state, 'cancelled');
});

test('failures reach the view: not started (with problems), the server not running', async () => {
  const server = reset();
  const done = BenchmarkPanel.show(server as never, { uri: MODEL, compare: 'head' });
  ui.fromView.fire({ type: 'ready' });
  const problems = [{ severity: 'error', message: 'unknown ref' }];
  server
    .of('dbt/benchmark')[0]
    .answer({ error: { code: 'compile-failed', message: 'compile failed' }, problems });
  await done;
  assert.deepEqual([posted('failed')[0].message, posted('failed')[0].problems], ['compile failed', problems]);

  const again = BenchmarkPanel.show(server as never, { uri: MODEL, compare: 'head' });
  server
    .of('dbt/benchmark')[1]
    .fail(new Error('The dbt language server is not running: Java 21 was not found.'));
  await again;
  assert.match(String(posted('failed')[1].message), /not running: Java 21/);
  const none = BenchmarkPanel.show(server as never, { uri: MODEL });
  server.of('dbt/benchmark')[2].answer(null);
  await none;
  assert.match(String(posted('failed')[2].message), /no dbt project/);
});

async function withRecommendation(server: ScriptedServer): Promise<void> {
  const done = BenchmarkPanel.show(server as never, {
    uri: MODEL,
    compare: 'recommendation',
    recommendationId: 7,
  });
  ui.fromView.fire({ type: 'ready' });
  assert.equal(server.of('dbt/benchmark')[0].params.recommendationId, 7);
  server
    .of('dbt/recommendations')[0]
    .answer({ recommendations: [{ ...recommendation, id: 3 }, recommendation] });
  server.of('dbt/benchmark')[0].answer({
    id: 'j1',
    label: 'model big_customer: without vs with recommendation 7',
    variants: ['without', 'with recommendation 7'],
  });
  await done;
  assert.equal((posted('recommendation')[0].recommendation as { id: number }).id, 7);
}

test('Apply: asked without confirm, the modal shows the SQL, and only a yes asks again with confirm', async () => {
  const server = reset();
  await withRecommendation(server);
  ui.fromView.fire({ type: 'apply', action: 'apply' });
  await tick();
  const first = server.of('dbt/applyRecommendation')[0];
  assert.deepEqual(first.params, { uri: MODEL, id: 7, action: 'apply', confirm: false });
  ui.pick = 'Apply';
  first.answer({
    recommendation,
    error: {
      code: 'apply-not-confirmed',
      message: "not confirmed: this would run on target 'dev': create index i on shop.orders (customer_id)",
    },
  });
  await tick();
  await tick();
  assert.equal(ui.warnings.length, 1);
  assert.deepEqual((ui.warnings[0].options as { modal: boolean }).modal, true);
  assert.match(
    (ui.warnings[0].options as { detail: string }).detail,
    /create index i on shop\.orders \(customer_id\)/,
  );
  const second = server.of('dbt/applyRecommendation')[1];
  assert.deepEqual(second.params, { uri: MODEL, id: 7, action: 'apply', confirm: true });
  second.answer({
    sql: recommendation.applySql,
    auditId: 4,
    recommendation: { ...recommendation, status: 'applied' },
  });
  await tick();
  const applied = posted('applied')[0];
  assert.equal(applied.ok, true);
  assert.equal(applied.message, 'Ran create index i on shop.orders (customer_id) (audit #4).');

  // rollback, but the user says no: nothing runs
  ui.fromView.fire({ type: 'apply', action: 'rollback' });
  await tick();
  server
    .of('dbt/applyRecommendation')[2]
    .answer({ recommendation, error: { code: 'apply-not-confirmed', message: 'not confirmed' } });
  await tick();
  await tick();
  assert.equal(server.of('dbt/applyRecommendation').length, 3);
  assert.deepEqual(
    [posted('applied')[1].ok, posted('applied')[1].message],
    [false, 'Not run: you did not confirm.'],
  );
});

test("Apply when the setting is off: the server's message, no modal, an offer to open the setting", async () => {
  const server = reset();
  await withRecommendation(server);
  ui.pick = 'Open Settings';
  ui.fromView.fire({ type: 'apply', action: 'apply' });
  await tick();
  server.of('dbt/applyRecommendation')[0].answer({
    recommendation,
    error: {
      code: 'apply-not-allowed',
      message:
        'applying recommendations is off; set dbtls.recommendations.allowApply to true to allow it (each use is confirmed and audited)',
    },
  });
  await tick();
  await tick();
  assert.equal(server.of('dbt/applyRecommendation').length, 1);
  assert.deepEqual(posted('applied')[0].ok, false);
  assert.match(String(posted('applied')[0].message), /allowApply/);
  assert.equal((ui.warnings[0].options as { modal?: boolean } | undefined)?.modal, undefined);
  assert.deepEqual(ui.commands[0], ['workbench.action.openSettings', 'dbtls.recommendations.allowApply']);
});

test('closing the panel cancels a running job on the server', async () => {
  const server = reset();
  const done = BenchmarkPanel.show(server as never, { uri: MODEL, compare: 'saved' });
  ui.fromView.fire({ type: 'ready' });
  server.of('dbt/benchmark')[0].answer({ id: 'j9', label: 'x', variants: ['saved file', 'buffer'] });
  await done;
  ui.disposed.fire();
  assert.deepEqual(server.of('dbt/benchmarkCancel')[0]?.params, { id: 'j9' });
  server.finished.fire({ id: 'j9', state: 'cancelled', done: 1, total: 2 });
  assert.equal(posted('ended').length, 0);
});

test('a BigQuery benchmark the server did not run for its cost: the modal says the cost, a yes runs it accepting those bytes, a no runs nothing', async () => {
  const server = reset();
  const done = BenchmarkPanel.show(server as never, { uri: MODEL, compare: 'saved' });
  ui.fromView.fire({ type: 'ready' });
  server.of('dbt/benchmark')[0].answer({ id: 'b1', label: 'x', variants: ['saved file', 'buffer'] });
  await done;
  const message =
    "not run yet: BigQuery's dry runs say the benchmark would scan 240.0 GB (a run: 'saved file' 10.0 GB, 'buffer' 10.0 GB) in 12 runs per variant, warm-ups included, about $1.37 on demand at the US list price ($6.25 per TiB; the minimum of 10 MB per query billed aside), more than dbtls.benchmark.confirmBytesAbove (107.4 GB); confirm to run it";
  const unconfirmed = {
    id: 'b1',
    state: 'error',
    done: 0,
    total: 24,
    message,
    report: {
      ...report,
      storedId: undefined,
      status: 'error',
      error: { code: 'benchmark-cost-unconfirmed', message },
      scanBytes: 240_000_000_000,
    },
  };
  ui.pick = 'Run It';
  server.finished.fire(unconfirmed);
  await tick();
  await tick();
  assert.equal(posted('ended').length, 1, 'the view shows why nothing ran');
  assert.equal(ui.warnings.length, 1);
  assert.equal((ui.warnings[0].options as { modal: boolean }).modal, true);
  assert.equal((ui.warnings[0].options as { detail: string }).detail, message);
  const again = server.of('dbt/benchmark')[1];
  assert.equal(again.params.acceptScanBytes, 240_000_000_000, 'started again, accepting the bytes said');
  assert.equal(again.params.compare, 'saved');
  again.answer({ id: 'b2', label: 'x', variants: ['saved file', 'buffer'] });
  await tick();

  // asked again (e.g. the data grew), the user says no: nothing more starts
  server.finished.fire({ ...unconfirmed, id: 'b2' });
  await tick();
  await tick();
  assert.equal(ui.warnings.length, 2);
  assert.equal(server.of('dbt/benchmark').length, 2);
  // a plain rerun asks the server afresh, without the accepted bytes
  ui.fromView.fire({ type: 'rerun' });
  await tick();
  assert.equal(server.of('dbt/benchmark')[2].params.acceptScanBytes, undefined);
});

test("a Snowflake benchmark the server did not run for its credits: a yes runs it accepting the report's maxCredits", async () => {
  const server = reset();
  const done = BenchmarkPanel.show(server as never, { uri: MODEL });
  ui.fromView.fire({ type: 'ready' });
  server.of('dbt/benchmark')[0].answer({ id: 's1', label: 'x', variants: ['buffer'] });
  await done;
  const message =
    'not run yet: the runs stop within the time budget of 5 min, which on warehouse BIG (4X-Large, 128 credits an hour) is at most 10.67 credits, more than dbtls.benchmark.confirmCreditsAbove (1); confirm to run it';
  ui.pick = 'Run It';
  server.finished.fire({
    id: 's1',
    state: 'error',
    done: 0,
    total: 12,
    message,
    report: {
      ...report,
      status: 'error',
      error: { code: 'benchmark-cost-unconfirmed', message },
      maxCredits: 10.666666666666666,
    },
  });
  await tick();
  await tick();
  assert.equal((ui.warnings[0].options as { detail: string }).detail, message);
  const again = server.of('dbt/benchmark')[1];
  assert.equal(again.params.acceptCredits, 10.666666666666666);
  assert.equal('acceptScanBytes' in again.params, false, 'no bytes to accept on Snowflake');
});
