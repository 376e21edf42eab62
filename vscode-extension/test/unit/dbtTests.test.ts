// The Testing view's dbt tests, against a stand-in for the `vscode` module and a scripted server:
// dbt: Test Model sends dbt/run `test`, dbt/runProgress and the answer move each item (passed,
// failed with dbt's message at its YAML entry, skipped), items are made from what the server names,
// the view's Run selects items by name, and a file of no project or a refused run says why.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { before, test } from 'node:test';
import type { DbtTests as Tests } from '../../src/tests/dbtTests';
import { Emitter } from './vscodeParts';

type Item = {
  id: string;
  label: string;
  uri?: { s: string };
  range?: unknown;
  description?: string;
  children: { add(i: Item): void; replace(items: Item[]): void; all: Item[] };
};
const calls: string[] = [];
const outputs: string[] = [];
const shown: string[] = [];
const items = new Map<string, Item>();
let profile: ((request: unknown, token: unknown) => Promise<void>) | undefined;

class FakeRange {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

const fakeVscode = {
  tests: {
    createTestController: () => ({
      items: {
        get: (id: string) => items.get(id),
        add: (i: Item) => void items.set(i.id, i),
        forEach: (f: (i: Item) => void) => items.forEach((i) => f(i)),
        replace: (all: Item[]) => {
          items.clear();
          for (const i of all) items.set(i.id, i);
        },
      },
      createTestItem: (id: string, label: string, uri?: { s: string }) => {
        const all: Item[] = [];
        const add = (i: Item) => void (all.includes(i) || all.push(i));
        const replace = (items: Item[]) => void all.splice(0, all.length, ...items);
        return { id, label, uri, children: { add, replace, all } };
      },
      createRunProfile: (_label: string, _kind: number, handler: typeof profile) => {
        profile = handler;
      },
      createTestRun: () => ({
        started: (i: Item) => calls.push(`started ${i.label}`),
        passed: (i: Item) => calls.push(`passed ${i.label}`),
        failed: (
          i: Item,
          m: {
            message: string | { value: string };
            location?: { uri: { s: string } };
            expectedOutput?: string;
            actualOutput?: string;
          },
        ) =>
          calls.push(
            `failed ${i.label}: ${typeof m.message === 'string' ? m.message : m.message.value} @ ${m.location?.uri.s ?? '-'}` +
              (m.expectedOutput !== undefined ? ` [diff ${m.expectedOutput} | ${m.actualOutput}]` : ''),
          ),
        errored: (i: Item, m: { message: string }) => calls.push(`errored ${i.label}: ${m.message}`),
        skipped: (i: Item) => calls.push(`skipped ${i.label}`),
        appendOutput: (t: string) => outputs.push(t),
        end: () => calls.push('end'),
      }),
      dispose: () => {},
    }),
  },
  TestRunProfileKind: { Run: 1 },
  TestRunRequest: class {
    constructor(
      readonly include?: Item[],
      readonly exclude?: Item[],
    ) {}
  },
  TestMessage: class {
    location?: unknown;
    expectedOutput?: string;
    actualOutput?: string;
    constructor(readonly message: string | { value: string }) {}
    static diff(message: string, expected: string, actual: string) {
      const m = new fakeVscode.TestMessage(message);
      m.expectedOutput = expected;
      m.actualOutput = actual;
      return m;
    }
  },
  MarkdownString: class {
    constructor(readonly value: string) {}
  },
  Range: FakeRange,
  Location: class {
    constructor(
      readonly uri: unknown,
      readonly range: unknown,
    ) {}
  },
  Uri: { parse: (s: string) => ({ s, toString: () => s }) },
  window: {
    showWarningMessage: async (m: string) => void shown.push(m),
    showErrorMessage: async (m: string) => void shown.push(m),
  },
};

type Call = { method: string; params: Record<string, unknown>; answer(v: unknown): void };

class ScriptedServer {
  calls: Call[] = [];
  /** Answers given at once, by method (the rest wait for the test to answer them). */
  answers: Record<string, (params: Record<string, unknown>) => unknown> = {};
  progress = new Emitter<unknown>();
  request(method: string, params: Record<string, unknown>): Promise<unknown> {
    const scripted = this.answers[method];
    if (scripted) return Promise.resolve(scripted(params));
    return new Promise((answer) => this.calls.push({ method, params, answer }));
  }
  onNotification(method: string, h: (p: unknown) => void) {
    assert.equal(method, 'dbt/runProgress');
    return this.progress.event(h);
  }
}

let DbtTests: typeof Tests;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : load(request, ...rest);
  ({ DbtTests } = await import('../../src/tests/dbtTests'));
});

const MODEL = 'file:///w/shop/models/orders.sql';
const YAML = 'file:///w/shop/models/schema.yml';
const range = { start: { line: 5, character: 10 }, end: { line: 5, character: 16 } };
const tick = () => new Promise((r) => setImmediate(r));

function node(name: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    runId: 'r1',
    uniqueId: `test.shop.${name}`,
    name,
    status,
    index: 1,
    total: 2,
    uri: YAML,
    range,
    ...extra,
  };
}

function reset(): ScriptedServer {
  calls.length = 0;
  outputs.length = 0;
  shown.length = 0;
  items.clear();
  return new ScriptedServer();
}

test("dbt: Test Model sends dbt/run test; progress and the answer move each test; a failure carries dbt's message at its YAML entry", async () => {
  const server = reset();
  const tests = new DbtTests(server as never);
  const done = tests.testDocument(MODEL);
  const call = server.calls[0];
  assert.deepEqual(
    [call.method, call.params],
    ['dbt/run', { uri: MODEL, command: 'test', select: undefined }],
  );
  // progress that comes before the answer is kept until the run's id is known
  server.progress.fire(node('unique_orders_order_id', 'running'));
  server.progress.fire(
    node('unique_orders_order_id', 'fail', {
      failures: 1,
      message: 'Got 1 result, configured to fail if != 0',
      seconds: 0.04,
    }),
  );
  server.progress.fire({ ...node('other_run_test', 'pass'), runId: 'r0' });
  call.answer({
    runId: 'r1',
    command: 'test',
    results: [
      node('not_null_orders_order_id', 'pass', { seconds: 0.02 }),
      node('unique_orders_order_id', 'fail', {
        failures: 1,
        message: 'Got 1 result, configured to fail if != 0',
        seconds: 0.04,
      }),
      node('accepted_values_orders_status', 'skipped'),
    ],
    pass: 1,
    warn: 0,
    errors: 1,
    skip: 1,
    seconds: 0.5,
  });
  const result = await done;
  assert.equal(result?.errors, 1);
  assert.deepEqual(calls, [
    'started unique_orders_order_id',
    `failed unique_orders_order_id: Got 1 result, configured to fail if != 0 @ ${YAML}`,
    'passed not_null_orders_order_id',
    'skipped accepted_values_orders_status',
    'end',
  ]);
  assert.deepEqual([...items.keys()].sort(), [
    'test.shop.accepted_values_orders_status',
    'test.shop.not_null_orders_order_id',
    'test.shop.unique_orders_order_id',
  ]);
  assert.equal(items.get('test.shop.unique_orders_order_id')?.uri?.s, YAML);
  assert.deepEqual(items.get('test.shop.unique_orders_order_id')?.range, new FakeRange(5, 10, 5, 16));
  assert.ok(outputs.includes('Done. PASS=1 WARN=0 ERROR=1 SKIP=1 TOTAL=3\r\n'), outputs.join(''));

  // the view's Run on one item: dbt/run for its project, selecting it by name
  const rerun = profile?.({ include: [items.get('test.shop.unique_orders_order_id')] }, undefined);
  await tick();
  assert.deepEqual(server.calls[1].params, {
    uri: MODEL,
    command: 'test',
    select: ['unique_orders_order_id'],
  });
  server.calls[1].answer({ runId: 'r2', results: [], pass: 0, warn: 0, errors: 0, skip: 0, seconds: 0 });
  await rerun;
});

test("a failed unit test's expected and actual rows become the Testing view's diff", async () => {
  const server = reset();
  const tests = new DbtTests(server as never);
  const done = tests.testDocument(MODEL);
  server.calls[0].answer({
    runId: 'r1',
    command: 'test',
    results: [
      node('totals', 'fail', {
        uniqueId: 'unit_test.shop.orders.totals',
        resourceType: 'unit_test',
        failures: 2,
        message: 'actual differs from expected:',
        expected: 'id,total\n8,6\n',
        actual: 'id,total\n8,5\n',
      }),
    ],
    pass: 0,
    warn: 0,
    errors: 1,
    skip: 0,
    seconds: 0.1,
  });
  await done;
  assert.deepEqual(calls, [
    `failed totals: actual differs from expected: @ ${YAML} [diff id,total\n8,6\n | id,total\n8,5\n]`,
    'end',
  ]);
  // a build's run moves unit tests in the Testing view too
  const build = tests.begin('dbt build', MODEL);
  build.node(
    node('totals', 'pass', { uniqueId: 'unit_test.shop.orders.totals', resourceType: 'unit_test' }) as never,
  );
  build.end();
  assert.equal(calls.at(-2), 'passed totals');
});

test('a file of no project, or a command the server refuses, says why', async () => {
  const server = reset();
  const tests = new DbtTests(server as never);
  const none = tests.testDocument('file:///elsewhere/x.sql');
  server.calls[0].answer(null);
  assert.equal(await none, undefined);
  assert.match(shown[0], /no dbt project/);
  const refused = tests.testDocument(MODEL);
  server.calls[1].answer({
    runId: 'r3',
    results: [],
    pass: 0,
    warn: 0,
    errors: 0,
    skip: 0,
    seconds: 0,
    error: { code: 'selector-invalid', message: "selector 'tag:' is not valid" },
  });
  await refused;
  assert.equal(shown[1], "dbt: selector 'tag:' is not valid");
  assert.ok(calls.includes('end'));
});

test("a failing test's rows come with dbt's message, as a table", async () => {
  const server = reset();
  const tests = new DbtTests(server as never);
  const done = tests.testDocument(MODEL);
  const failing = node('unique_orders_order_id', 'fail', {
    failures: 1,
    message: 'Got 1 result, configured to fail if != 0',
    failingRows: { columns: ['unique_field', 'n_records'], rows: [[11, 2]], more: false },
  });
  server.calls[0].answer({
    runId: 'r1',
    command: 'test',
    results: [failing],
    pass: 0,
    warn: 0,
    errors: 1,
    skip: 0,
    seconds: 0.1,
  });
  await done;
  assert.equal(
    calls[0],
    `failed unique_orders_order_id: Got 1 result, configured to fail if != 0\n\nThe row it found:\n\n| unique_field | n_records |\n| --- | --- |\n| 11 | 2 | @ ${YAML}`,
  );
});

test("opening the Testing view lists each project's tests under the model they test, with their last results", async () => {
  const server = reset();
  const tests = new DbtTests(server as never);
  server.answers['dbt/projects'] = () => ({ projects: [{ name: 'shop', uri: 'file:///w/shop' }] });
  server.answers['dbt/tests'] = (params) => {
    assert.deepEqual(params, { uri: 'file:///w/shop/dbt_project.yml' });
    return {
      tests: [
        {
          uniqueId: 'test.shop.unique_orders_order_id',
          name: 'unique_orders_order_id',
          resourceType: 'test',
          attachedTo: 'model.shop.orders',
          attachedName: 'orders',
          uri: YAML,
          range,
          lastRun: {
            status: 'fail',
            at: '2026-11-25T07:00:00Z',
            message: 'Got 1 result, configured to fail if != 0',
          },
        },
        {
          uniqueId: 'unit_test.shop.orders.counts',
          name: 'counts',
          resourceType: 'unit_test',
          attachedTo: 'model.shop.orders',
          attachedName: 'orders',
          uri: YAML,
          range,
        },
        {
          uniqueId: 'test.shop.no_orphans',
          name: 'no_orphans',
          resourceType: 'test',
          uri: 'file:///w/shop/tests/no_orphans.sql',
          lastRun: { status: 'pass', at: '2026-11-25T07:00:00Z' },
        },
      ],
    };
  };
  const resolve = (tests.controller as unknown as { resolveHandler: (i?: unknown) => Promise<void> })
    .resolveHandler;
  await resolve(undefined);
  assert.deepEqual([...items.keys()], ['model.shop.orders', 'test.shop.no_orphans']);
  const orders = items.get('model.shop.orders');
  assert.equal(orders?.label, 'orders');
  assert.deepEqual(
    orders?.children.all.map((i) => `${i.label}${i.description ? ` (${i.description})` : ''}`),
    ['unique_orders_order_id', 'counts (unit test)'],
  );
  // the history's last results, shown once as a run of their own
  assert.deepEqual(calls, [
    'failed unique_orders_order_id: Got 1 result, configured to fail if != 0 @ -',
    'passed no_orphans',
    'end',
  ]);
  // a run of the model's item from the view selects the model: dbt tests it with its tests
  const run = profile?.({ include: [orders] }, undefined);
  await tick();
  assert.deepEqual(server.calls[0].params, {
    uri: 'file:///w/shop/dbt_project.yml',
    command: 'test',
    select: ['orders'],
  });
  server.progress.fire({ ...node('unique_orders_order_id', 'pass'), runId: 'r9' });
  server.calls[0].answer({
    runId: 'r9',
    results: [node('unique_orders_order_id', 'pass')],
    pass: 1,
    warn: 0,
    errors: 0,
    skip: 0,
    seconds: 0,
  });
  await run;
  // the run moved the listed item, not a new top-level one
  assert.deepEqual([...items.keys()], ['model.shop.orders', 'test.shop.no_orphans']);
});

test('a test that runs before the view lists it goes under the model it tests, and the list keeps that item', async () => {
  const server = reset();
  const tests = new DbtTests(server as never);
  const done = tests.testDocument(MODEL);
  const failing = node('unique_orders_order_id', 'fail', {
    message: 'Got 1 result, configured to fail if != 0',
    attachedTo: 'model.shop.orders',
    attachedName: 'orders',
  });
  server.calls[0].answer({
    runId: 'r1',
    command: 'test',
    results: [failing],
    pass: 0,
    warn: 0,
    errors: 1,
    skip: 0,
    seconds: 0.1,
  });
  await done;
  assert.deepEqual([...items.keys()], ['model.shop.orders']);
  const made = items.get('model.shop.orders')?.children.all[0];
  assert.equal(made?.label, 'unique_orders_order_id');
  server.answers['dbt/projects'] = () => ({ projects: [{ name: 'shop', uri: 'file:///w/shop' }] });
  server.answers['dbt/tests'] = () => ({
    tests: [
      {
        uniqueId: 'test.shop.unique_orders_order_id',
        name: 'unique_orders_order_id',
        resourceType: 'test',
        attachedTo: 'model.shop.orders',
        attachedName: 'orders',
        uri: YAML,
        range,
      },
    ],
  });
  await (tests.controller as unknown as { resolveHandler: (i?: unknown) => Promise<void> }).resolveHandler(
    undefined,
  );
  assert.deepEqual([...items.keys()], ['model.shop.orders']);
  assert.equal(items.get('model.shop.orders')?.children.all[0], made, 'the same item, with its result');
});

test("the history's last results are not replayed over a run of this session", async () => {
  const server = reset();
  const tests = new DbtTests(server as never);
  const done = tests.testDocument(MODEL);
  server.calls[0].answer({
    runId: 'r1',
    command: 'test',
    results: [
      node('unique_orders_order_id', 'fail', {
        message: 'Got 1 result',
        attachedTo: 'model.shop.orders',
        attachedName: 'orders',
      }),
    ],
    pass: 0,
    warn: 0,
    errors: 1,
    skip: 0,
    seconds: 0.1,
  });
  await done;
  calls.length = 0;
  server.answers['dbt/projects'] = () => ({ projects: [{ name: 'shop', uri: 'file:///w/shop' }] });
  server.answers['dbt/tests'] = () => ({
    tests: [
      {
        uniqueId: 'test.shop.unique_orders_order_id',
        name: 'unique_orders_order_id',
        attachedTo: 'model.shop.orders',
        attachedName: 'orders',
        lastRun: { status: 'fail', at: 'x', message: 'Got 1 result' },
      },
      {
        uniqueId: 'test.shop.not_null_orders_order_id',
        name: 'not_null_orders_order_id',
        attachedTo: 'model.shop.orders',
        attachedName: 'orders',
        lastRun: { status: 'pass', at: 'x' },
      },
    ],
  });
  await (tests.controller as unknown as { resolveHandler: (i?: unknown) => Promise<void> }).resolveHandler(
    undefined,
  );
  assert.deepEqual(calls, ['passed not_null_orders_order_id', 'end']);
});
