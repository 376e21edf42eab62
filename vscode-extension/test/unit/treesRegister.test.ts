// The vscode glue of the tree views, on a stand-in `vscode` module: every command package.json
// declares for the trees is registered, the views exist, and the rows reach VS Code as TreeItems
// with ids, labels, icons, context values and click commands; actions call the right requests.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { test } from 'node:test';
import pkg from '../../package.json';

type Fn = (...a: any[]) => any;
const calls: {
  commands: Map<string, Fn>;
  views: Map<string, any>;
  executed: any[][];
  warnings: string[];
  errors: string[];
  opened: any[];
  inputs: (string | undefined)[];
  edits: string[];
} = {
  commands: new Map(),
  views: new Map(),
  executed: [],
  warnings: [],
  errors: [],
  opened: [],
  inputs: [],
  edits: [],
};

class EventEmitter<T> {
  private handlers: ((e: T) => void)[] = [];
  event = (h: (e: T) => void) => {
    this.handlers.push(h);
    return { dispose: () => undefined };
  };
  fire(e: T) {
    this.handlers.forEach((h) => h(e));
  }
  dispose() {}
}
class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  iconPath?: any;
  command?: any;
  constructor(
    public label: string,
    public collapsibleState: number,
  ) {}
}
const uri = (s: string) => ({
  toString: () => s,
  fsPath: s.replace(/^file:\/\//, ''),
  scheme: s.split(':')[0],
  path: s.replace(/^file:\/\//, ''),
});
const editor = {
  document: {
    uri: uri('file:///w/shop/models/a.sql'),
    isUntitled: false,
    getText: (r?: unknown) => (r ? 'select 1' : 'select * from a'),
  },
  selection: { isEmpty: true },
  selections: [{}],
  viewColumn: 1,
  edit: async (f: Fn) => {
    f({ replace: (_s: unknown, t: string) => calls.edits.push(t) });
    return true;
  },
};
const fake = {
  EventEmitter,
  TreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon: class {
    constructor(
      public id: string,
      public color?: any,
    ) {}
  },
  ThemeColor: class {
    constructor(public id: string) {}
  },
  Position: class {
    constructor(
      public line: number,
      public character: number,
    ) {}
  },
  Range: class {
    constructor(
      public start: any,
      public end: any,
    ) {}
  },
  CancellationTokenSource: class {
    token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
    cancel() {
      this.token.isCancellationRequested = true;
    }
    dispose() {}
  },
  Uri: { parse: uri, file: (p: string) => uri(`file://${p}`) },
  commands: {
    registerCommand: (id: string, f: Fn) => {
      calls.commands.set(id, f);
      return { dispose: () => calls.commands.delete(id) };
    },
    executeCommand: async (...a: any[]) => {
      calls.executed.push(a);
    },
  },
  window: {
    state: { focused: true },
    activeTextEditor: editor as any,
    createTreeView: (id: string, o: any) => {
      const v = { ...o, visible: true, onDidChangeVisibility: () => ({ dispose() {} }), dispose() {} };
      calls.views.set(id, v);
      return v;
    },
    withProgress: async (_o: unknown, task: Fn) => task(),
    showWarningMessage: async (m: string, ...rest: any[]) => {
      calls.warnings.push(m);
      return rest.find((r) => typeof r === 'string'); // confirms a modal question
    },
    showErrorMessage: async (m: string) => void calls.errors.push(m),
    showInputBox: async () => calls.inputs.shift(),
    showTextDocument: async (d: unknown, o: unknown) => void calls.opened.push({ d, o }),
    setStatusBarMessage: () => ({ dispose() {} }),
  },
  workspace: { openTextDocument: async (o: unknown) => o },
};
const load = (Module as any)._load;
(Module as any)._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fake : load.call(this, request, ...rest);
};

const requests: [string, any][] = [];
const answers: Record<string, (p: any) => any> = {
  'dbt/projects': () => ({ projects: [{ name: 'shop', uri: 'file:///w/shop' }] }),
  'dbt/catalog': () => ({
    target: 'dev',
    cut: false,
    millis: 5,
    notBuilt: [],
    relations: [
      {
        database: 'db',
        schema: 'main',
        name: 'orders',
        kind: 'table',
        columns: [{ name: 'id', databaseType: 'INTEGER' }],
        nodeId: 'model.shop.orders',
        resourceType: 'model',
        uri: 'file:///w/shop/models/orders.sql',
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      },
    ],
  }),
  'dbt/history': () => ({
    entries: [
      {
        id: 1,
        project: '/w/shop',
        sql: 'select 1',
        startedAt: new Date().toISOString(),
        durationMs: 5,
        rowCount: 1,
        status: 'ok',
      },
    ],
  }),
  'dbt/savedQueries': () => ({
    queries: [{ id: 3, name: 'q', folder: 'f', tags: ['t'], sql: 'select 3', project: '/w/shop' }],
    folders: ['f'],
  }),
  'dbt/saveQuery': () => ({ queries: [], folders: [] }),
  'dbt/deleteQuery': () => ({ queries: [], folders: [] }),
};
const stateChanged = new EventEmitter<boolean>();
const server = {
  extensionUri: uri('file:///ext'),
  running: true,
  request: async (m: string, p: any) => {
    requests.push([m, p]);
    return answers[m](p);
  },
  notify() {},
  onNotification: () => ({ dispose() {} }),
  onDidChangeState: stateChanged.event,
};
const context = { subscriptions: [] as { dispose(): unknown }[] };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerTrees } = require('../../src/trees/register') as typeof import('../../src/trees/register');
registerTrees(context as any, server as any);

async function roots(view: string): Promise<any[]> {
  return calls.views.get(view).treeDataProvider.getChildren();
}

test('every tree command of package.json is registered, and the three views exist', () => {
  const declared = pkg.contributes.commands
    .map((c) => c.command)
    .filter((c) => /^dbtls\.(explorer\.|history\.|saved\.|saveQuery$|refreshExplorer$)/.test(c));
  assert.ok(declared.length >= 14);
  for (const c of declared) assert.ok(calls.commands.has(c), `${c} is not registered`);
  assert.deepEqual([...calls.views.keys()].sort(), ['dbtls.explorer', 'dbtls.history', 'dbtls.saved']);
});

test('the explorer asks dbt/catalog with a document of each project and shows its rows as TreeItems', async () => {
  const rows = await roots('dbtls.explorer');
  assert.deepEqual(requests.find(([m]) => m === 'dbt/catalog')?.[1], {
    uri: 'file:///w/shop/dbt_project.yml',
  });
  const provider = calls.views.get('dbtls.explorer').treeDataProvider;
  const project = provider.getTreeItem(rows[0]);
  assert.equal(project.label, 'Project');
  assert.equal(project.id, 'file:///w/shop#project');
  assert.equal(project.collapsibleState, 2);
  const [models] = await provider.getChildren(rows[0]);
  const [orders] = await provider.getChildren(models);
  const item = provider.getTreeItem(orders);
  assert.equal(item.label, 'orders');
  assert.equal(item.contextValue, 'model ref');
  assert.equal(item.iconPath.id, 'symbol-structure');
  assert.equal(item.command.command, 'dbtls.explorer.open');
  assert.equal(provider.getParent(orders), models);

  await calls.commands.get('dbtls.explorer.open')!(orders);
  assert.equal(calls.opened.at(-1).o.selection.start.line, 2);
  await calls.commands.get('dbtls.explorer.insertRef')!(orders);
  await calls.commands.get('dbtls.explorer.insertColumn')!(orders.children[0]);
  assert.deepEqual(calls.edits, ["{{ ref('orders') }}", 'id']);
});

test('the server (re)starting reads the catalog again', async () => {
  const before = requests.filter(([m]) => m === 'dbt/catalog').length;
  stateChanged.fire(true);
  await roots('dbtls.explorer');
  assert.equal(requests.filter(([m]) => m === 'dbt/catalog').length, before + 1);
});

test('a failing server is the one row saying why', async () => {
  const saved = answers['dbt/projects'];
  answers['dbt/projects'] = () => {
    throw new Error('The dbtls server is starting.');
  };
  calls.commands.get('dbtls.refreshExplorer')!();
  const rows = await roots('dbtls.explorer');
  answers['dbt/projects'] = saved;
  assert.deepEqual(
    rows.map((r) => r.label),
    ['The dbtls server is starting.'],
  );
});

test('history: search passes the words to dbt/history; run again calls dbtls.previewSql in the project', async () => {
  calls.inputs.push('orders');
  await calls.commands.get('dbtls.history.search')!();
  const rows = await roots('dbtls.history');
  assert.equal(requests.filter(([m]) => m === 'dbt/history').at(-1)?.[1].query, 'orders');
  assert.equal(calls.views.get('dbtls.history').description, '“orders”');
  const entry = rows.find((r) => r.contextValue === 'query');
  await calls.commands.get('dbtls.history.rerun')!(entry);
  assert.deepEqual(calls.executed.at(-1), [
    'dbtls.previewSql',
    { sql: 'select 1', uri: 'file:///w/shop/dbt_project.yml', title: 'select 1' },
  ]);
  await calls.commands.get('dbtls.history.open')!(entry);
  assert.deepEqual(calls.opened.at(-1).d, { language: 'sql', content: 'select 1' });
});

test('saved queries: save sends name, folder, tags, SQL and project; delete asks, then deletes', async () => {
  const rows = await roots('dbtls.saved');
  assert.equal(rows[0].label, 'f');
  calls.inputs.push('top', ' reports/ ', 'a, b');
  await calls.commands.get('dbtls.saveQuery')!();
  assert.deepEqual(requests.filter(([m]) => m === 'dbt/saveQuery').at(-1)?.[1], {
    name: 'top',
    folder: 'reports',
    tags: ['a', 'b'],
    sql: 'select * from a',
    project: '/w/shop',
  });
  const q = rows[0].children[0];
  await calls.commands.get('dbtls.saved.run')!(q);
  assert.deepEqual(calls.executed.at(-1), [
    'dbtls.previewSql',
    { sql: 'select 3', uri: 'file:///w/shop/dbt_project.yml', title: 'q' },
  ]);
  await calls.commands.get('dbtls.saved.delete')!(q);
  assert.match(calls.warnings.at(-1) ?? '', /Delete the saved query “q”/);
  assert.deepEqual(requests.filter(([m]) => m === 'dbt/deleteQuery').at(-1)?.[1], { id: 3 });
  assert.deepEqual(calls.errors, []);
});

test('the end: every subscription disposes', () => {
  context.subscriptions.forEach((d) => d.dispose());
});
