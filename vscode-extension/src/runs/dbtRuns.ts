import * as vscode from 'vscode';
import type { RunNode, RunParams, RunResult } from '../protocol.generated';
import { DbtServer, isCancellation, messageOf } from '../server/dbtServer';
import type { DbtTests } from '../tests/dbtTests';
import { ItemTree } from '../trees/itemTree';
import { done, earlierRun, logLine, running, runItems, type RunItem, type RunRecord } from './runItems';

/** Runs the view keeps this session; the oldest go first. */
const KEEP = 20;
/** Earlier runs per project shown from the run history. */
const HISTORY = 10;

/** What to run: a dbt command on the project of `uri`, for `select` (none: the document's nodes). */
export interface RunRequest {
  uri: string;
  command: 'build' | 'run' | 'seed' | 'snapshot' | 'test';
  select?: string[];
  /** How the view names the selection: `orders`, `orders+`, `the project`. */
  target: string;
  fullRefresh?: boolean;
}

/**
 * dbt build / run / seed / snapshot from the editor (dbt/run): each run is a row of the Runs view,
 * its nodes live under it as dbt/runProgress tells them (the client names the run, so progress is
 * matched as it comes), their lines in the "dbt runs" output, their tests in the Testing view; a
 * running run can be cancelled from its row; a protected target is written to only after the user
 * says yes in a modal.
 */
export class DbtRuns implements vscode.Disposable {
  readonly runs: RunRecord[] = [];
  readonly tree = new ItemTree<RunItem>(async () => {
    this.history ??= this.loadHistory();
    return runItems(this.runs);
  });
  /** Earlier runs from the server's run history, asked for once, when the view first shows. */
  private history: Promise<void> | undefined;
  readonly output: vscode.OutputChannel;
  private readonly cancels = new Map<string, vscode.CancellationTokenSource>();
  private readonly subscription: vscode.Disposable;
  private readonly byRunId = new Map<string, { record: RunRecord; node(n: RunNode): void }>();
  private count = 0;
  private refreshing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly server: DbtServer,
    private readonly tests: DbtTests,
  ) {
    this.output = vscode.window.createOutputChannel('dbt runs');
    this.subscription = server.onNotification('dbt/runProgress', (n) => {
      if (n.runId) this.byRunId.get(n.runId)?.node(n);
    });
  }

  /** Runs it; the answer once it ended (undefined when it did not run or was cancelled). */
  async start(req: RunRequest, allowProtectedTarget = false): Promise<RunResult | undefined> {
    const key = `run-${Date.now().toString(36)}-${++this.count}`;
    const record: RunRecord = {
      key,
      command: req.command,
      target: req.target,
      started: new Date(),
      nodes: new Map(),
    };
    this.runs.push(record);
    while (this.runs.length > KEEP) this.runs.shift();
    const cancel = new vscode.CancellationTokenSource();
    this.cancels.set(key, cancel);
    const sink = this.tests.begin(`dbt ${req.command} ${req.target}`, req.uri);
    const take = (n: RunNode) => {
      if (!n.uniqueId) return;
      const before = record.nodes.get(n.uniqueId);
      // a node's end comes as progress and again in the answer: shown once
      if (before && before.status !== 'running' && (n.status === 'running' || n.status === before.status))
        return;
      record.nodes.set(n.uniqueId, n);
      sink.node(n);
      this.output.appendLine(logLine(n));
      this.refreshSoon();
    };
    this.byRunId.set(key, { record, node: take });
    this.output.appendLine(`dbt ${req.command} ${req.target} — ${record.started.toLocaleTimeString()}`);
    this.tree.refresh();
    const params: RunParams = {
      uri: req.uri,
      command: req.command,
      select: req.select,
      fullRefresh: req.fullRefresh,
      allowProtectedTarget,
      runId: key,
    };
    let ended: RunResult | undefined;
    try {
      const result = await this.server.request('dbt/run', params, cancel.token);
      if (!result) {
        record.error = 'This file belongs to no dbt project the server knows: open a model of a dbt project.';
        return undefined;
      }
      for (const n of result.results ?? []) take(n);
      if (result.error?.code === 'target-protected') {
        record.error = result.error.message ?? 'the target is protected';
        this.finish(record);
        return this.confirmProtected(req, record.error);
      }
      record.result = result;
      ended = result;
      // what a build wrote is now in the warehouse: the explorer reads it again
      if (req.command !== 'test') void vscode.commands.executeCommand('dbtls.refreshExplorer');
      if (result.error) record.error = result.error.message ?? result.error.code;
      this.output.appendLine(done(result));
      return result;
    } catch (e) {
      record.error = isCancellation(e) ? 'cancelled' : messageOf(e);
      if (!isCancellation(e)) void vscode.window.showErrorMessage(`dbt ${req.command}: ${messageOf(e)}`);
      return undefined;
    } finally {
      sink.end(ended);
      this.finish(record);
    }
  }

  /**
   * The newest runs of each project from the run history (dbt/runs: this and earlier sessions, the
   * command line's too), below this session's; a failure leaves the view as it is.
   */
  private async loadHistory(): Promise<void> {
    try {
      const earlier: RunRecord[] = [];
      const projects = (await this.server.request('dbt/projects', {}))?.projects ?? [];
      for (const p of projects) {
        if (!p.uri) continue;
        const uri = `${p.uri.replace(/\/$/, '')}/dbt_project.yml`;
        const runs = (await this.server.request('dbt/runs', { uri, limit: HISTORY }))?.runs ?? [];
        for (const r of runs) {
          if (!r.runId || this.runs.some((x) => x.key === r.runId)) continue;
          const one = (await this.server.request('dbt/runs', { uri, runId: r.runId }))?.runs?.[0];
          const nodes = new Map<string, RunNode>();
          for (const n of one?.nodes ?? []) if (n.uniqueId) nodes.set(n.uniqueId, n);
          earlier.push(earlierRun(r, nodes));
        }
      }
      if (earlier.length === 0) return;
      earlier.sort((a, b) => a.started.getTime() - b.started.getTime());
      this.runs.unshift(...earlier);
      while (this.runs.length > KEEP) this.runs.shift();
      this.tree.refresh();
    } catch {
      // the history is a courtesy: this session's runs show without it
    }
  }

  private finish(record: RunRecord): void {
    this.byRunId.delete(record.key);
    this.cancels.get(record.key)?.dispose();
    this.cancels.delete(record.key);
    this.tree.refresh();
  }

  /** The server said the target is protected: ask, and run again only on a yes. */
  private async confirmProtected(req: RunRequest, message: string): Promise<RunResult | undefined> {
    const yes = 'Write to It';
    const answer = await vscode.window.showWarningMessage(
      `dbt ${req.command} ${req.target}: ${message}.`,
      { modal: true, detail: 'The run creates, replaces and inserts into relations of that target.' },
      yes,
    );
    return answer === yes ? this.start(req, true) : undefined;
  }

  /** Cancels a run still running: its statements stop in the database, the rest is skipped. */
  cancel(item?: RunItem): void {
    const record = item?.run ?? [...this.runs].reverse().find(running);
    if (!record || !running(record)) return;
    record.cancelled = true;
    this.cancels.get(record.key)?.cancel();
    this.tree.refresh();
  }

  private refreshSoon(): void {
    if (this.refreshing) return;
    this.refreshing = setTimeout(() => {
      this.refreshing = undefined;
      this.tree.refresh();
    }, 100);
  }

  dispose(): void {
    this.subscription.dispose();
    this.cancels.forEach((c) => c.dispose());
    this.output.dispose();
    this.tree.dispose();
    if (this.refreshing) clearTimeout(this.refreshing);
  }
}
