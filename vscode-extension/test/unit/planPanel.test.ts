// The plan panel's glue, against a stand-in for the `vscode` module and a scripted server: each
// explain ends in a message to the view, Cancel answers at once and cancels the request, the
// toolbar re-runs with analyze, and a clicked step opens its document at the range.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { before, test } from 'node:test';
import type { PlanPanel as Panel } from '../../src/plan/planPanel';
import { emptyTabs, Emitter, TokenSource, uri, type Msg } from './vscodeParts';

const ui = {
  posted: [] as Msg[],
  fromView: new Emitter<Msg>(),
  disposed: new Emitter<void>(),
  panels: 0,
  title: '',
  shown: [] as Array<{ uri: string; options: { selection?: { start: unknown; end: unknown } } }>,
  clipboard: '',
};

const fakeVscode = {
  TabInputText: emptyTabs.TabInputText,
  TabInputWebview: emptyTabs.TabInputWebview,
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  EventEmitter: Emitter,
  CancellationTokenSource: TokenSource,
  Uri: {
    joinPath: (u: { toString(): string }, ...p: string[]) => uri([u.toString(), ...p].join('/')),
    parse: uri,
    file: (f: string) => uri(`file://${f}`),
  },
  Position: class {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
  },
  Range: class {
    constructor(
      readonly sl: number,
      readonly sc: number,
      readonly el: number,
      readonly ec: number,
    ) {}
  },
  window: {
    tabGroups: emptyTabs.tabGroups,
    createWebviewPanel: () => {
      ui.panels++;
      const panel = {
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
      };
      return panel;
    },
    showErrorMessage: async () => undefined,
    setStatusBarMessage: () => ({ dispose() {} }),
    showTextDocument: async (u: { toString(): string }, options: never) =>
      void ui.shown.push({ uri: u.toString(), options }),
  },
  workspace: { openTextDocument: async () => ({}) },
  env: { clipboard: { writeText: async (t: string) => void (ui.clipboard = t) } },
};

class ScriptedServer {
  extensionUri = uri('file:///ext');
  calls: Array<{
    method: string;
    params: Record<string, unknown>;
    token?: { isCancellationRequested: boolean };
    answer(v: unknown): void;
    fail(e: unknown): void;
  }> = [];
  request(
    method: string,
    params: Record<string, unknown>,
    token?: { isCancellationRequested: boolean },
  ): Promise<unknown> {
    return new Promise((answer, fail) => this.calls.push({ method, params, token, answer, fail }));
  }
  last() {
    return this.calls.at(-1)!;
  }
}

let PlanPanel: typeof Panel;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : load(request, ...rest);
  ({ PlanPanel } = await import('../../src/plan/planPanel'));
});

const MODEL = 'file:///work/shop/models/big_customer.sql';
const posted = (type: string) => ui.posted.filter((m) => m.type === type);
const ready = () => ui.fromView.fire({ type: 'ready' });
const tick = () => new Promise((r) => setImmediate(r));
const answer = {
  uri: MODEL,
  nodeId: 'model.shop.big_customer',
  analyzed: false,
  millis: 3,
  sql: 'explain select 1',
  plan: { id: '0', operator: 'Seq Scan', properties: {}, children: [] },
  findings: [],
  problems: [],
};

function reset(): ScriptedServer {
  ui.posted.length = 0;
  ui.shown.length = 0;
  return new ScriptedServer();
}

test('explain: estimates first, the panel titled by the model, the answer posted; then analyze from the toolbar', async () => {
  const server = reset();
  const done = PlanPanel.show(server as never, { uri: MODEL });
  ready();
  assert.equal(ui.title, 'Plan: big_customer');
  assert.deepEqual(server.last().params, { uri: MODEL, sql: undefined, cte: undefined, analyze: false });
  assert.equal(posted('running').length, 1);
  server.last().answer(answer);
  await done;
  const r = posted('result')[0] as unknown as { title: string; analyze: boolean; result: typeof answer };
  assert.deepEqual([r.title, r.analyze, r.result.millis], ['big_customer', false, 3]);

  ui.fromView.fire({ type: 'rerun', analyze: true });
  assert.equal(server.last().params.analyze, true);
  server.last().answer({ ...answer, analyzed: true });
  await tick();
  assert.equal(posted('result').length, 2);

  // a step's location opens the document with the range selected
  ui.fromView.fire({
    type: 'open',
    uri: MODEL,
    range: { start: { line: 3, character: 14 }, end: { line: 3, character: 31 } },
  });
  await tick();
  assert.equal(ui.shown[0].uri, MODEL);
  assert.deepEqual({ ...ui.shown[0].options.selection }, { sl: 3, sc: 14, el: 3, ec: 31 });
  ui.fromView.fire({ type: 'copy', text: 'create index x on t (a)', what: 'suggested SQL' });
  await tick();
  assert.equal(ui.clipboard, 'create index x on t (a)');
  PlanPanel.closeAll();
});

test('Cancel tells the view at once and cancels the request; the late answer is dropped', async () => {
  const server = reset();
  const done = PlanPanel.show(server as never, { uri: MODEL, nodeId: 'model.shop.big_customer' }, true);
  ready();
  ui.fromView.fire({ type: 'cancel' });
  assert.deepEqual(
    posted('failed').map((m) => [m.state, m.message]),
    [['cancelled', 'Cancelled.']],
  );
  assert.equal(server.last().token?.isCancellationRequested, true, 'the request was not cancelled');
  server.last().answer(answer);
  await done;
  assert.equal(posted('result').length, 0, 'a result came after the cancel');
  PlanPanel.closeAll();
});

test('failures end the wait with the message: server not running, no project; explaining again cancels the first', async () => {
  const server = reset();
  const first = PlanPanel.show(server as never, { uri: MODEL });
  ready();
  server.last().fail(new Error('The dbtls server is not running: no Java 17 found.'));
  await first;
  assert.deepEqual(
    posted('failed').map((m) => [m.state, m.message]),
    [['error', 'The dbtls server is not running: no Java 17 found.']],
  );
  const second = PlanPanel.show(server as never, { uri: 'file:///tmp/loose.sql' });
  server.last().answer(null);
  await second;
  assert.match(posted('failed')[1].message as string, /no dbt project/);
  assert.equal(ui.panels, 3, 'a second panel was opened for the same session'); // one per test so far

  const slow = PlanPanel.show(server as never, { uri: MODEL });
  const slowCall = server.last();
  const next = PlanPanel.show(server as never, { uri: MODEL });
  assert.equal(slowCall.token?.isCancellationRequested, true, 'the earlier explain was not cancelled');
  slowCall.answer(answer);
  server.last().answer(answer);
  await Promise.all([slow, next]);
  assert.equal(posted('result').length, 1, 'the superseded answer was shown');
  // closing the panel cancels what runs
  const running = PlanPanel.show(server as never, { uri: MODEL });
  ui.disposed.fire();
  assert.equal(server.last().token?.isCancellationRequested, true);
  server.last().answer(answer);
  await running;
});
