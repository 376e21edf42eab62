// dbt: Show Lineage of Column and the Lineage panel's column mode, against a stand-in for the
// `vscode` module and a scripted server: the column under the cursor is asked for once and
// drawn; a word that is no column leads to a pick (typed names accepted); the view's buttons ask
// the server again.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { before, test } from 'node:test';
import { emptyTabs, Emitter, TokenSource, uri, type Msg } from './vscodeParts';
import { JAFFLE_LIFETIME_VALUE, SHOP_NO_COLUMN } from '../recorded';

const MODEL = 'file:///w/jaffle_shop/models/marts/customers_v2.sql';
const LINES = ['select', '    sum(o.amount) as lifetime_value,', '    c.customer_id'];

class FakeUri {
  constructor(private readonly s: string) {}
  toString() {
    return this.s;
  }
  get path() {
    return this.s.replace(/^file:\/\//, '');
  }
  get fsPath() {
    return this.path;
  }
}

const ui = {
  posted: [] as Msg[],
  fromView: new Emitter<Msg>(),
  disposed: new Emitter<void>(),
  title: '',
  commands: new Map<string, (...a: unknown[]) => unknown>(),
  cursor: { line: 1, character: 8 },
  picks: [] as Array<{ title?: string; placeholder?: string; items: Array<{ label: string }> }>,
  /** What the user types into the next pick. */
  typed: 'order_count',
};

const doc = { uri: new FakeUri(MODEL), lineAt: (l: number) => ({ text: LINES[l] }) };

const fakeVscode = {
  TabInputText: emptyTabs.TabInputText,
  TabInputWebview: emptyTabs.TabInputWebview,
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  ProgressLocation: { Window: 10 },
  EventEmitter: Emitter,
  CancellationTokenSource: TokenSource,
  Uri: Object.assign(FakeUri, {
    joinPath: (u: { toString(): string }, ...p: string[]) => uri([u.toString(), ...p].join('/')),
    parse: uri,
  }),
  Range: class {
    constructor(
      readonly sl: number,
      readonly sc: number,
      readonly el: number,
      readonly ec: number,
    ) {}
  },
  commands: {
    registerCommand: (id: string, f: (...a: unknown[]) => unknown) => (
      ui.commands.set(id, f),
      { dispose() {} }
    ),
  },
  workspace: { textDocuments: [] },
  window: {
    tabGroups: emptyTabs.tabGroups,
    get activeTextEditor() {
      return { document: doc, selection: { active: ui.cursor } };
    },
    withProgress: (_: unknown, f: () => Promise<unknown>) => f(),
    showWarningMessage: async () => undefined,
    showErrorMessage: async () => undefined,
    createQuickPick: () => {
      const accept = new Emitter<void>();
      const hide = new Emitter<void>();
      const pick = {
        title: undefined as string | undefined,
        placeholder: '',
        items: [] as Array<{ label: string }>,
        value: '',
        selectedItems: [] as Array<{ label: string }>,
        onDidAccept: accept.event,
        onDidHide: hide.event,
        show: () => {
          ui.picks.push(pick);
          pick.value = ui.typed;
          setImmediate(() => accept.fire());
        },
        hide: () => hide.fire(),
        dispose: () => {},
      };
      return pick;
    },
    createWebviewPanel: () => {
      let gone = false;
      return {
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
        // as VS Code's: a panel is disposed once
        dispose: () => {
          if (!gone) ((gone = true), ui.disposed.fire());
        },
      };
    },
  },
};

/** Answers each request from a script by method, and records it. */
class ScriptedServer {
  extensionUri = uri('file:///ext');
  calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  constructor(private readonly answers: Array<(params: Record<string, unknown>) => unknown>) {}
  async request(method: string, params: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ method, params });
    const next = this.answers.shift();
    if (!next) throw new Error(`unexpected ${method}`);
    return next(params);
  }
}

/** Closes the panel as the user does (its onDidDispose). */
function closePanel(): void {
  ui.disposed.fire();
  ui.disposed.dispose();
}

const tick = () => new Promise((r) => setTimeout(r, 5));
let register: typeof import('../../src/lineage/register').registerLineage;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : load(request, ...rest);
  ({ registerLineage: register } = await import('../../src/lineage/register'));
});

test("the column under the cursor: asked (again while not inferred yet), the answer drawn in the panel titled by it; the view's buttons ask again", async () => {
  // right after an edit the server may not have inferred the columns yet: asked again
  const server = new ScriptedServer([
    () => ({
      message: 'the columns of the project are still being inferred',
      columns: [],
      edges: [],
      notes: [],
      truncated: false,
    }),
    () => JAFFLE_LIFETIME_VALUE,
  ]);
  register({ subscriptions: [] } as never, server as never);
  await ui.commands.get('dbtls.columnLineage')!();
  ui.fromView.fire({ type: 'ready' });
  await tick();
  assert.deepEqual(
    [...server.calls],
    [
      { method: 'dbt/columnLineage', params: { uri: MODEL, column: 'lifetime_value' } },
      { method: 'dbt/columnLineage', params: { uri: MODEL, column: 'lifetime_value' } },
    ],
  );
  assert.equal(ui.title, 'Column Lineage: customers.v2.lifetime_value');
  const drawn = ui.posted.filter((m) => m.type === 'columnGraph');
  assert.equal(drawn.length, 1);
  assert.equal(drawn[0].result, JAFFLE_LIFETIME_VALUE);

  // ⤷ on a row, the filters checkbox, "nodes"
  server.calls.length = 0;
  const push = (r: unknown) => server['answers'].push(() => r);
  push(JAFFLE_LIFETIME_VALUE);
  ui.fromView.fire({ type: 'column', nodeId: 'model.jaffle_shop.orders', column: 'amount' });
  await tick();
  push(JAFFLE_LIFETIME_VALUE);
  ui.fromView.fire({ type: 'columnFilters', includeFilters: false });
  await tick();
  push({ root: 'model.jaffle_shop.orders', nodes: [], edges: [], truncated: false });
  ui.fromView.fire({ type: 'models', nodeId: 'model.jaffle_shop.orders' });
  await tick();
  assert.deepEqual(
    server.calls.map((c) => [c.method, c.params.nodeId, c.params.column, c.params.includeFilters]),
    [
      ['dbt/columnLineage', 'model.jaffle_shop.orders', 'amount', true],
      ['dbt/columnLineage', 'model.jaffle_shop.customers.v2', 'lifetime_value', false],
      ['dbt/lineage', 'model.jaffle_shop.orders', undefined, undefined],
    ],
  );
  assert.equal(ui.posted.at(-1)!.type, 'graph');
  closePanel();
});

test("a word that is no column: a pick titled by the server's message, of the node's columns (dbt/columns) and those met; a typed name is asked for", async () => {
  ui.cursor = { line: 2, character: 5 }; // on the c of c.customer_id: customer_id, which the scripted server says is none
  ui.posted.length = 0;
  const server = new ScriptedServer([
    () => SHOP_NO_COLUMN,
    () => ({
      root: 'model.jaffle_shop.customers.v2',
      nodes: [{ id: 'model.jaffle_shop.customers.v2', name: 'customers' }],
      edges: [],
      truncated: false,
    }),
    // dbt/columns lists the node's columns (a server without it fails the request: the columns met so far)
    () => ({
      nodeId: 'model.jaffle_shop.customers.v2',
      nodeName: 'customers.v2',
      complete: true,
      gaps: [],
      columns: [
        { name: 'customer_id', type: 'integer', origin: 'parent' },
        { name: 'lifetime_value', origin: 'sql' },
      ],
    }),
    () => JAFFLE_LIFETIME_VALUE,
  ]);
  register({ subscriptions: [] } as never, server as never);
  await ui.commands.get('dbtls.columnLineage')!();
  ui.fromView.fire({ type: 'ready' });
  await tick();
  assert.deepEqual(
    server.calls.map((c) => [c.method, c.params.column]),
    [
      ['dbt/columnLineage', 'customer_id'],
      ['dbt/lineage', undefined],
      ['dbt/columns', undefined],
      ['dbt/columnLineage', 'order_count'],
    ],
  );
  assert.equal(server.calls[2].params.nodeId, 'model.jaffle_shop.customers.v2');
  assert.equal(server.calls[2].params.uri, MODEL);
  const pick = ui.picks.at(-1)!;
  assert.equal(pick.title, 'customers has no column nope');
  // the node's own columns, with those met in the first test's answer
  assert.deepEqual(
    pick.items.map((i) => i.label),
    ['customer_id', 'lifetime_value'],
  );
  assert.match(pick.placeholder!, /A column of customers/);
  assert.equal(server.calls[3].params.nodeId, 'model.jaffle_shop.customers.v2');
  assert.equal(ui.posted.filter((m) => m.type === 'columnGraph').length, 1);
  closePanel();
});
