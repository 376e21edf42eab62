// The results panel's glue, against a stand-in for the `vscode` module and a scripted server:
// every run ends in a message to the view, Cancel answers at once, cursors are closed, and
// Export asks dbt/export for the whole result.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { before, test } from 'node:test';
import type { ResultsPanel as Panel } from '../../src/results/resultsPanel';
import { emptyTabs, Emitter, TokenSource, uri, type Msg } from './vscodeParts';

/** What the fake VS Code did: messages posted to the view, notifications shown, commands run. */
const ui = {
  posted: [] as Msg[],
  fromView: new Emitter<Msg>(),
  disposed: new Emitter<void>(),
  pick: undefined as unknown,
  saveTo: undefined as unknown,
  choice: undefined as string | undefined,
  infos: [] as string[],
  errors: [] as string[],
  commands: [] as unknown[][],
  clipboard: '',
};

const fakeVscode = {
  TabInputText: emptyTabs.TabInputText,
  TabInputWebview: emptyTabs.TabInputWebview,
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  ProgressLocation: { Notification: 15 },
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
      readonly start: unknown,
      readonly end: unknown,
    ) {}
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
      onDidDispose: ui.disposed.event,
      reveal: () => {},
      dispose: () => ui.disposed.fire(),
    }),
    showQuickPick: async (items: Array<{ format: { id: string } }>) =>
      items.find((i) => i.format.id === ui.pick),
    showSaveDialog: async () => ui.saveTo,
    withProgress: (_o: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) =>
      task({}, new TokenSource().token),
    showInformationMessage: async (m: string) => (ui.infos.push(m), ui.choice),
    showErrorMessage: async (m: string) => void ui.errors.push(m),
    showWarningMessage: async (m: string) => void ui.errors.push(m),
    setStatusBarMessage: () => ({ dispose() {} }),
    showTextDocument: async () => undefined,
  },
  workspace: {
    getWorkspaceFolder: () => ({ uri: uri('file:///work/shop') }),
    workspaceFolders: [],
    openTextDocument: async () => ({}),
  },
  env: {
    clipboard: { writeText: async (t: string) => void (ui.clipboard = t) },
    openExternal: async () => true,
  },
  commands: { executeCommand: async (...a: unknown[]) => void ui.commands.push(a) },
};

/** A server whose answers the test gives when it wants. */
class ScriptedServer {
  extensionUri = uri('file:///ext');
  running = true;
  calls: Array<{
    method: string;
    params: Record<string, unknown>;
    token?: { isCancellationRequested: boolean };
    answer(v: unknown): void;
    fail(e: unknown): void;
  }> = [];
  notes: Array<{ method: string; params: unknown }> = [];
  onDidChangeState = new Emitter<boolean>().event;
  request(
    method: string,
    params: Record<string, unknown>,
    token?: { isCancellationRequested: boolean },
  ): Promise<unknown> {
    return new Promise((answer, fail) => this.calls.push({ method, params, token, answer, fail }));
  }
  notify(method: string, params: unknown): void {
    this.notes.push({ method, params });
  }
  onNotification() {
    return { dispose() {} };
  }
  last(method: string) {
    return this.calls.filter((c) => c.method === method).at(-1)!;
  }
}

let ResultsPanel: typeof Panel;
before(async () => {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : load(request, ...rest);
  ({ ResultsPanel } = await import('../../src/results/resultsPanel'));
});

const tick = () => new Promise((r) => setImmediate(r));
const MODEL = 'file:///work/shop/models/orders.sql';
const rows = (n: number) => Array.from({ length: n }, (_, i) => [i]);
const answer = (over: Record<string, unknown> = {}) => ({
  compiledSql: 'select 1',
  columns: [{ name: 'id', type: 'integer' }],
  rows: rows(3),
  hasMore: true,
  truncated: false,
  cursor: 'cur-1',
  millis: 12,
  ...over,
});

function open(): { panel: Panel; server: ScriptedServer } {
  ui.posted.length = 0;
  const server = new ScriptedServer();
  const panel = new ResultsPanel(server as never);
  return { panel, server };
}
const ready = () => ui.fromView.fire({ type: 'ready' });
const posted = (type: string) => ui.posted.filter((m) => m.type === type);

test('a preview opens a running tab, asks dbt/preview for the buffer and posts the result', async () => {
  const { panel, server } = open();
  const done = panel.preview({ uri: MODEL, uniqueId: 'model.shop.orders', title: 'orders' });
  ready();
  assert.deepEqual(
    posted('open').map((m) => (m.tab as { title: string }).title),
    ['orders'],
  );
  const call = server.last('dbt/preview');
  assert.deepEqual(call.params, {
    uri: MODEL,
    sql: undefined,
    cte: undefined,
    limit: 100_000,
    pageRows: 500,
  });
  call.answer(answer());
  await done;
  const r = posted('result')[0] as unknown as { id: number; result: { rows: unknown[] } };
  assert.equal(r.result.rows.length, 3);
  // the view scrolled to the end: the next page, with the cursor
  ui.fromView.fire({ type: 'loadMore', id: r.id });
  ui.fromView.fire({ type: 'loadMore', id: r.id });
  assert.equal(
    server.calls.filter((c) => c.method === 'dbt/previewPage').length,
    1,
    'two page requests at once',
  );
  assert.deepEqual(server.last('dbt/previewPage').params, { cursor: 'cur-1', pageRows: 500 });
  server.last('dbt/previewPage').answer({ rows: rows(2), hasMore: false, truncated: false });
  await tick();
  assert.equal((posted('page')[0] as unknown as { page: { rows: unknown[] } }).page.rows.length, 2);
  panel.dispose();
});

test("Cancel ends the run in the view at once, cancels the request, and closes the late answer's cursor", async () => {
  const { panel, server } = open();
  const done = panel.preview({ uri: MODEL, sql: 'select * from big' });
  ready();
  const id = (posted('open')[0].tab as { id: number }).id;
  ui.fromView.fire({ type: 'cancel', id });
  const failed = posted('failed');
  assert.equal(failed.length, 1, 'the view was not told of the cancel at once');
  assert.equal(failed[0].state, 'cancelled');
  assert.equal(
    server.last('dbt/preview').token?.isCancellationRequested,
    true,
    'the request was not cancelled',
  );
  server.last('dbt/preview').answer(answer({ cursor: 'late' }));
  await done;
  assert.equal(posted('result').length, 0, 'a result came after the cancel');
  assert.deepEqual(server.notes, [{ method: 'dbt/previewClose', params: { cursor: 'late' } }]);
  panel.dispose();
});

test('a failed request ends the run with its message (server not running, errors)', async () => {
  const { panel, server } = open();
  const done = panel.preview({ uri: MODEL });
  ready();
  server.last('dbt/preview').fail(new Error('The dbtls server is not running: no Java 17 found.'));
  await done;
  assert.deepEqual(
    posted('failed').map((m) => [m.state, m.message]),
    [['error', 'The dbtls server is not running: no Java 17 found.']],
  );
  const again = panel.preview({ uri: 'file:///tmp/loose.sql' });
  server.last('dbt/preview').answer(null);
  await again;
  assert.match(posted('failed')[1].message as string, /no dbt project/);
  panel.dispose();
});

test('the eleventh tab closes the oldest and its cursor; closing the panel cancels runs and closes cursors', async () => {
  const { panel, server } = open();
  for (let i = 0; i < 11; i++) {
    const p = panel.preview({ uri: MODEL, sql: `select ${i}` });
    if (i === 0) ready();
    if (i < 10) server.last('dbt/preview').answer(answer({ cursor: `cur-${i}` }));
    await (i < 10 ? p : tick());
  }
  assert.deepEqual(
    posted('closed').map((m) => m.id),
    [1],
  );
  assert.deepEqual(server.notes, [{ method: 'dbt/previewClose', params: { cursor: 'cur-0' } }]);
  server.notes.length = 0;
  const running = server.last('dbt/preview');
  ui.disposed.fire();
  assert.equal(running.token?.isCancellationRequested, true, 'the running preview was not cancelled');
  assert.deepEqual(server.notes.map((n) => (n.params as { cursor: string }).cursor).sort(), [
    'cur-1',
    'cur-2',
    'cur-3',
    'cur-4',
    'cur-5',
    'cur-6',
    'cur-7',
    'cur-8',
    'cur-9',
  ]);
});

test('Export asks dbt/export for the whole result (no limit, not the cursor) and offers to open the file', async () => {
  const { panel, server } = open();
  const done = panel.preview({ uri: MODEL, sql: 'select * from orders', title: 'Big orders' });
  ready();
  server.last('dbt/preview').answer(answer());
  await done;
  ui.pick = 'parquet';
  ui.saveTo = fakeVscode.Uri.file('/work/shop/Big_orders.parquet');
  ui.choice = 'Reveal';
  const exported = panel.exportActive();
  await tick();
  await tick();
  const call = server.last('dbt/export');
  assert.deepEqual(call.params, {
    uri: MODEL,
    sql: 'select * from orders',
    cte: undefined,
    path: '/work/shop/Big_orders.parquet',
    format: 'parquet',
  });
  call.answer({
    path: '/work/shop/Big_orders.parquet',
    format: 'parquet',
    rows: 250_000,
    bytes: 3_400_000,
    millis: 2100,
  });
  assert.equal(await exported, true);
  assert.match(ui.infos.at(-1)!, /Exported 250,000 rows to Big_orders\.parquet \(3\.2 MB\) in 2\.1 s/);
  assert.equal(ui.commands.at(-1)![0], 'revealFileInOS');
  panel.dispose();
});

test('Ctrl+C in the grid puts the text on the clipboard', async () => {
  const { panel } = open();
  void panel.preview({ uri: MODEL });
  ready();
  ui.fromView.fire({ type: 'copy', text: 'a\tb', what: '2 cells' });
  await tick();
  assert.equal(ui.clipboard, 'a\tb');
  panel.dispose();
});
