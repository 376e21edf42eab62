import * as vscode from 'vscode';
import type { ProjectTest, RunNode, RunResult } from '../protocol.generated';
import { DbtServer, isCancellation, messageOf } from '../server/dbtServer';
import { failingRowsMarkdown } from './failingRows';

const NO_PROJECT = 'This file belongs to no dbt project the server knows: open a model of a dbt project.';

/**
 * dbt's data tests in VS Code's Testing view: `dbt: Test Model` (and the view's Run) sends
 * dbt/run `test`, each dbt/runProgress moves its item (started, passed, failed with dbt's message
 * and the rows it found, errored, skipped), and the answer settles every item. When the view opens
 * (or is refreshed) dbt/tests lists every project's tests under the model each tests, with their
 * last results from the run history; a test the list did not have is made from what the server
 * says of it when it runs. Running items from the view selects them by name (a model: its tests).
 */
export class DbtTests implements vscode.Disposable {
  readonly controller: vscode.TestController;
  /** The project document each test was run for: where to send dbt/run when the view reruns it. */
  private readonly projectOf = new Map<string, string>();
  /** Every item by id, nested ones too (the controller's collection holds the top level only). */
  private readonly byId = new Map<string, vscode.TestItem>();
  private discovered = false;
  /** Tests a run of this session moved: their results are newer than the run history's. */
  private readonly touched = new Set<string>();

  constructor(private readonly server: DbtServer) {
    this.controller = vscode.tests.createTestController('dbtls', 'dbt tests');
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discover();
    };
    this.controller.refreshHandler = () => this.discover();
    this.controller.createRunProfile(
      'Run dbt tests',
      vscode.TestRunProfileKind.Run,
      (request, token) => this.fromView(request, token),
      true,
    );
  }

  /** `dbt: Test Model`: the data tests of the document's nodes. */
  testDocument(uri: string, token?: vscode.CancellationToken): Promise<RunResult | undefined> {
    return this.run(uri, undefined, new vscode.TestRunRequest(), token);
  }

  /**
   * A Testing-view run for a dbt/run started elsewhere (a build from the Runs view): its tests move
   * their items as they run; other nodes go to the run's output.
   */
  begin(label: string, uri: string): { node(n: RunNode): void; end(result?: RunResult): void } {
    const run = this.controller.createTestRun(new vscode.TestRunRequest(), label, true);
    const ended = new Set<string>();
    let over = false;
    return {
      node: (n) => {
        if (isTest(n)) this.progress(run, n, uri, ended);
        else if (n.status !== 'running') run.appendOutput(`${n.name}: ${n.status} ${n.message ?? ''}\r\n`);
      },
      end: (result) => {
        if (over) return;
        over = true;
        if (result) run.appendOutput(`${summary(result)}\r\n`);
        run.end();
      },
    };
  }

  private async fromView(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const chosen: vscode.TestItem[] = [];
    if (request.include) chosen.push(...request.include);
    else this.controller.items.forEach((i) => chosen.push(i));
    const excluded = new Set((request.exclude ?? []).map((i) => i.id));
    const items = chosen.filter((i) => !excluded.has(i.id));
    const uri = items.map((i) => this.projectOf.get(i.id)).find((u) => u !== undefined);
    if (!uri) return;
    await this.run(
      uri,
      items.map((i) => i.label),
      request,
      token,
    );
  }

  private async run(
    uri: string,
    select: string[] | undefined,
    request: vscode.TestRunRequest,
    token?: vscode.CancellationToken,
  ): Promise<RunResult | undefined> {
    const run = this.controller.createTestRun(request, 'dbt test', true);
    const ended = new Set<string>();
    let runId: string | undefined;
    const early: RunNode[] = [];
    const sub = this.server.onNotification('dbt/runProgress', (n) => {
      if (runId === undefined) early.push(n);
      else if (n.runId === runId) this.progress(run, n, uri, ended);
    });
    try {
      const result = await this.server.request('dbt/run', { uri, command: 'test', select }, token);
      if (!result) {
        run.appendOutput(`${NO_PROJECT}\r\n`);
        void vscode.window.showWarningMessage(`dbt: ${NO_PROJECT}`);
        return undefined;
      }
      runId = result.runId;
      for (const n of early) if (n.runId === runId) this.progress(run, n, uri, ended);
      for (const n of result.results ?? []) this.progress(run, n, uri, ended);
      if (result.error) {
        run.appendOutput(`${result.error.message ?? result.error.code}\r\n`);
        if (!result.results?.length) void vscode.window.showErrorMessage(`dbt: ${result.error.message}`);
      }
      run.appendOutput(`${summary(result)}\r\n`);
      return result;
    } catch (e) {
      if (!isCancellation(e)) {
        run.appendOutput(`${messageOf(e)}\r\n`);
        void vscode.window.showErrorMessage(`dbt: ${messageOf(e)}`);
      }
      return undefined;
    } finally {
      sub.dispose();
      run.end();
    }
  }

  private progress(run: vscode.TestRun, n: RunNode, uri: string, ended: Set<string>): void {
    if (!n.uniqueId) return;
    this.touched.add(n.uniqueId);
    const item = this.item(n, uri);
    const ms = n.seconds !== undefined && n.seconds !== null ? n.seconds * 1000 : undefined;
    if (n.status === 'running') {
      if (!ended.has(n.uniqueId)) run.started(item);
      return;
    }
    if (ended.has(n.uniqueId)) return;
    ended.add(n.uniqueId);
    switch (n.status) {
      case 'pass':
        run.passed(item, ms);
        return;
      case 'warn':
        run.passed(item, ms);
        run.appendOutput(`WARN ${n.name}: ${n.message ?? ''}\r\n`, undefined, item);
        return;
      case 'fail':
        run.failed(item, message(n), ms);
        return;
      case 'error':
        run.errored(item, message(n), ms);
        return;
      case 'skipped':
        run.skipped(item);
        return;
    }
  }

  /** The item of a test, made the first time the server names it. */
  private item(n: RunNode, uri: string): vscode.TestItem {
    const id = n.uniqueId ?? '';
    this.projectOf.set(id, uri);
    let item = this.byId.get(id) ?? this.controller.items.get(id);
    if (!item) {
      item = this.controller.createTestItem(id, n.name ?? id, n.uri ? vscode.Uri.parse(n.uri) : undefined);
      if (n.resourceType === 'unit_test') item.description = 'unit test';
      // under the node it tests, as the view lists it
      if (n.attachedTo) this.group(n.attachedTo, n.attachedName, uri).children.add(item);
      else this.controller.items.add(item);
    }
    this.byId.set(id, item);
    const range = rangeOf(n);
    if (range) item.range = range;
    return item;
  }

  /** The item of a tested node (a model), at the top of the view; made once. */
  private group(id: string, name: string | undefined, uri: string): vscode.TestItem {
    let group = this.byId.get(id);
    if (!group) {
      group = this.controller.createTestItem(id, name ?? id);
      this.controller.items.add(group);
      this.byId.set(id, group);
    }
    this.projectOf.set(id, uri);
    return group;
  }

  /**
   * Lists every project's tests (dbt/tests) under the node each tests — the items a run already
   * made kept as they are, with their results; the first time, their last results from the run
   * history are shown as a run of their own ("dbt: last results").
   */
  async discover(): Promise<void> {
    const projects = (await this.server.request('dbt/projects', {}))?.projects ?? [];
    const top: vscode.TestItem[] = [];
    const children = new Map<vscode.TestItem, vscode.TestItem[]>();
    const last: { item: vscode.TestItem; test: ProjectTest }[] = [];
    for (const p of projects) {
      if (!p.uri) continue;
      const uri = `${p.uri.replace(/\/$/, '')}/dbt_project.yml`;
      const tests = (await this.server.request('dbt/tests', { uri }))?.tests ?? [];
      for (const t of tests) {
        if (!t.uniqueId) continue;
        let item = this.byId.get(t.uniqueId);
        if (!item) {
          item = this.controller.createTestItem(
            t.uniqueId,
            t.name ?? t.uniqueId,
            t.uri ? vscode.Uri.parse(t.uri) : undefined,
          );
          this.byId.set(t.uniqueId, item);
        }
        const start = t.range?.start;
        const end = t.range?.end;
        if (start && end) item.range = new vscode.Range(start.line, start.character, end.line, end.character);
        if (t.resourceType === 'unit_test') item.description = 'unit test';
        this.projectOf.set(t.uniqueId, uri);
        if (t.lastRun && !this.touched.has(t.uniqueId)) last.push({ item, test: t });
        if (!t.attachedTo) {
          top.push(item);
          continue;
        }
        const group = this.group(t.attachedTo, t.attachedName, uri);
        if (!children.has(group)) {
          children.set(group, []);
          top.push(group);
        }
        children.get(group)?.push(item);
      }
    }
    for (const [group, items] of children) group.children.replace(items);
    this.controller.items.replace(top);
    if (this.discovered || last.length === 0) {
      this.discovered = true;
      return;
    }
    this.discovered = true;
    const run = this.controller.createTestRun(new vscode.TestRunRequest(), 'dbt: last results', false);
    for (const { item, test } of last) {
      const status = test.lastRun?.status;
      if (status === 'pass' || status === 'warn') run.passed(item);
      else if (status === 'fail')
        run.failed(item, new vscode.TestMessage(test.lastRun?.message ?? 'the test failed'));
      else if (status === 'error')
        run.errored(item, new vscode.TestMessage(test.lastRun?.message ?? 'the test did not run'));
      else if (status === 'skipped') run.skipped(item);
    }
    run.end();
  }

  dispose(): void {
    this.controller.dispose();
  }
}

/** A data test or a unit test: what the Testing view shows. */
function isTest(n: RunNode): boolean {
  return (
    n.resourceType === 'test' ||
    n.resourceType === 'unit_test' ||
    !!n.uniqueId?.startsWith('test.') ||
    !!n.uniqueId?.startsWith('unit_test.')
  );
}

/**
 * dbt's message for a failed or errored test, at its YAML entry: a unit test's rows as a diff, a
 * data test's failing rows as a table under the message.
 */
function message(n: RunNode): vscode.TestMessage {
  const text = n.message ?? (n.status === 'fail' ? 'the test failed' : 'the test did not run');
  const m =
    n.expected !== undefined && n.expected !== null && n.actual !== undefined && n.actual !== null
      ? vscode.TestMessage.diff(text, n.expected, n.actual)
      : n.failingRows?.columns?.length
        ? new vscode.TestMessage(new vscode.MarkdownString(failingRowsMarkdown(text, n.failingRows)))
        : new vscode.TestMessage(text);
  const range = rangeOf(n);
  if (n.uri && range) m.location = new vscode.Location(vscode.Uri.parse(n.uri), range);
  return m;
}

/** Where the test is declared (its YAML entry, or a singular test's file), when the server says. */
function rangeOf(n: RunNode): vscode.Range | undefined {
  const start = n.range?.start;
  const end = n.range?.end;
  if (!start || !end) return undefined;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** dbt's last line: "Done. PASS=2 WARN=0 ERROR=1 SKIP=0 TOTAL=3". */
export function summary(r: RunResult): string {
  const total = r.results?.length ?? 0;
  return `Done. PASS=${r.pass} WARN=${r.warn} ERROR=${r.errors} SKIP=${r.skip} TOTAL=${total}`;
}
