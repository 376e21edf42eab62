import * as vscode from 'vscode';
import type { BenchmarkParams, BenchmarkStatus, CompileProblem, Recommendation } from '../protocol.generated';
import { DbtServer, messageOf } from '../server/dbtServer';
import { ViewPanel } from '../webview/viewPanel';
import { BenchmarkPoll, PollEvent } from './benchmarkPoll';
import { COST_UNCONFIRMED } from './benchmarkFormat';
import { benchmarkTitle } from './compareChoices';
import type { FromBenchmarkView, ToBenchmarkView } from './messages';

/** What is benchmarked: a document's model as the buffer has it, against `compare`. */
export interface BenchmarkTarget {
  uri: string;
  nodeId?: string;
  /** `saved`, `head`, `recommendation`, or undefined to time the model alone. */
  compare?: 'saved' | 'head' | 'recommendation';
  recommendationId?: number;
  /** The bytes the user agreed the runs may scan (BigQuery), after the server asked. */
  acceptScanBytes?: number;
  /** The credits the user agreed the runs may cost (Snowflake), after the server asked. */
  acceptCredits?: number;
}

const RUN_IT = 'Run It';
const NO_PROJECT = 'This file belongs to no dbt project the server knows: open a model of a dbt project.';

/**
 * The one Benchmark panel, beside the editor: starts dbt/benchmark, follows the job (progress,
 * Cancel) until it ends, shows the report and the model's history; for a recommendation, applies
 * it only through the server's confirm flow and a modal question.
 */
export class BenchmarkPanel implements vscode.Disposable {
  private static current: BenchmarkPanel | undefined;

  private readonly view: ViewPanel<ToBenchmarkView, FromBenchmarkView>;
  private readonly disposables: vscode.Disposable[] = [];
  private target: BenchmarkTarget;
  private poll?: BenchmarkPoll;
  /** Jobs that ended before their poll existed (dbt/benchmarkFinished can beat the answer). */
  private readonly endedEarly = new Map<string, BenchmarkStatus>();
  private startedAt = 0;
  private run = 0;
  private recommendation?: Recommendation;
  private disposed = false;

  static show(server: DbtServer, target: BenchmarkTarget): Promise<void> {
    if (!BenchmarkPanel.current) BenchmarkPanel.current = new BenchmarkPanel(server, target);
    else BenchmarkPanel.current.view.reveal();
    return BenchmarkPanel.current.benchmark(target);
  }

  static closeAll(): void {
    BenchmarkPanel.current?.dispose();
  }

  private constructor(
    private readonly server: DbtServer,
    target: BenchmarkTarget,
  ) {
    this.target = target;
    this.view = new ViewPanel(
      server.extensionUri,
      'benchmark',
      `Benchmark: ${benchmarkTitle(target.uri, target.nodeId)}`,
    );
    this.disposables.push(
      this.view.onMessage((m) =>
        this.received(m).catch((e) => void vscode.window.showErrorMessage(`dbt: ${messageOf(e)}`)),
      ),
      this.view.onDidDispose(() => this.dispose()),
      server.onNotification('dbt/benchmarkFinished', (status) => this.finished(status)),
    );
  }

  async benchmark(target: BenchmarkTarget): Promise<void> {
    this.stopJob(true);
    const run = ++this.run;
    this.target = target;
    this.recommendation = undefined;
    const title = benchmarkTitle(target.uri, target.nodeId);
    this.view.panel.title = `Benchmark: ${title}`;
    const startedAt = (this.startedAt = Date.now());
    this.view.post({ type: 'starting', title, startedAt });
    void this.history(run);
    if (target.compare === 'recommendation' && target.recommendationId !== undefined)
      void this.loadRecommendation(run);
    const settings = vscode.workspace.getConfiguration('dbtls.benchmark', vscode.Uri.parse(target.uri));
    const params: BenchmarkParams = {
      uri: target.uri,
      compare: target.compare,
      recommendationId: target.compare === 'recommendation' ? target.recommendationId : undefined,
      warmups: settings.get<number>('warmups'),
      runs: settings.get<number>('runs'),
      timeBudgetSeconds: settings.get<number>('timeBudgetSeconds'),
      ...(target.acceptScanBytes !== undefined ? { acceptScanBytes: target.acceptScanBytes } : {}),
      ...(target.acceptCredits !== undefined ? { acceptCredits: target.acceptCredits } : {}),
    };
    let id: string;
    try {
      const started = await this.server.request('dbt/benchmark', params);
      if (run !== this.run) return;
      if (!started) return this.failed(NO_PROJECT);
      if (!started.id) {
        return this.failed(started.error?.message ?? 'The benchmark did not start.', started.problems);
      }
      id = started.id;
      this.view.post({
        type: 'started',
        title,
        label: started.label ?? '',
        variants: started.variants ?? [],
        startedAt,
      });
    } catch (e) {
      if (run === this.run) this.failed(messageOf(e));
      return;
    }
    const poll = (this.poll = new BenchmarkPoll(
      id,
      {
        status: (job) => this.server.request('dbt/benchmarkStatus', { id: job }),
        cancel: (job) => this.server.request('dbt/benchmarkCancel', { id: job }),
      },
      (e) => this.event(run, e),
    ));
    const early = this.endedEarly.get(id);
    this.endedEarly.clear();
    if (early) poll.finished(early);
    else poll.start();
  }

  private event(run: number, e: PollEvent): void {
    if (run !== this.run || this.disposed) return;
    const elapsedMs = Date.now() - this.startedAt;
    switch (e.kind) {
      case 'progress':
        this.view.post({ type: 'progress', status: e.status });
        return;
      case 'ended':
        this.poll = undefined;
        this.view.post({ type: 'ended', status: e.status, elapsedMs });
        void this.history(run);
        if (this.recommendation) void this.loadRecommendation(run); // now `benchmarked`
        void this.askCost(run, e.status);
        return;
      case 'lost':
        this.poll = undefined;
        this.failed(e.message);
        return;
    }
  }

  /**
   * The server did not run a benchmark that would cost more than the dbtls.benchmark.confirm*
   * settings allow (BigQuery's bytes scanned, Snowflake's credits): its message says how much; only
   * a yes in the modal starts it again, accepting what the server said.
   */
  private async askCost(run: number, status: BenchmarkStatus): Promise<void> {
    const report = status.report;
    if (report?.error?.code !== COST_UNCONFIRMED) return;
    if (report.scanBytes == null && report.maxCredits == null) return;
    const choice = await vscode.window.showWarningMessage(
      'Run this benchmark? The warehouse bills for it.',
      { modal: true, detail: report.error.message ?? '' },
      RUN_IT,
    );
    if (choice !== RUN_IT || run !== this.run || this.disposed) return;
    return this.benchmark({
      ...this.target,
      acceptScanBytes: report.scanBytes ?? undefined,
      acceptCredits: report.maxCredits ?? undefined,
    });
  }

  private finished(status: BenchmarkStatus): void {
    if (this.poll && status.id === this.poll.id) this.poll.finished(status);
    else if (status.id) this.endedEarly.set(status.id, status);
  }

  private failed(message: string, problems?: CompileProblem[]): void {
    this.view.post({ type: 'failed', message, problems, elapsedMs: Date.now() - this.startedAt });
  }

  private async history(run: number): Promise<void> {
    try {
      const h = await this.server.request('dbt/benchmarks', { uri: this.target.uri, limit: 20 });
      if (run !== this.run) return;
      this.view.post({ type: 'history', reports: h?.benchmarks ?? [], error: h ? h.error : NO_PROJECT });
    } catch (e) {
      if (run === this.run) this.view.post({ type: 'history', reports: [], error: messageOf(e) });
    }
  }

  private async loadRecommendation(run: number): Promise<void> {
    try {
      const r = await this.server.request('dbt/recommendations', { uri: this.target.uri });
      const rec = r?.recommendations?.find((x) => x.id === this.target.recommendationId);
      if (run !== this.run || !rec) return;
      this.recommendation = rec;
      this.view.post({ type: 'recommendation', recommendation: rec });
    } catch {
      // the benchmark itself says what is wrong
    }
  }

  private async received(m: FromBenchmarkView): Promise<void> {
    switch (m.type) {
      case 'cancel':
        if (this.poll) await this.poll.cancel();
        return;
      case 'rerun':
        return this.benchmark({ ...this.target, acceptScanBytes: undefined, acceptCredits: undefined });
      case 'apply':
        return this.apply(m.action);
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        vscode.window.setStatusBarMessage(`dbt: copied ${m.what}`, 3000);
        return;
    }
  }

  /**
   * The server's confirm flow: ask without confirm (the server refuses when applying is off, or
   * says what it would run on which target); only after the user agrees in a modal, ask again
   * with confirm.
   */
  private async apply(action: 'apply' | 'rollback'): Promise<void> {
    const rec = this.recommendation;
    if (!rec) return;
    const params = { uri: this.target.uri, id: rec.id, action };
    const verb = action === 'apply' ? 'Apply' : 'Roll back';
    const answer = (ok: boolean, message: string, recommendation?: Recommendation) => {
      if (recommendation) this.recommendation = recommendation;
      this.view.post({ type: 'applied', ok, message, recommendation });
    };
    try {
      const asked = await this.server.request('dbt/applyRecommendation', { ...params, confirm: false });
      if (!asked) return answer(false, NO_PROJECT);
      if (asked.error?.code === 'apply-not-allowed') {
        answer(false, asked.error.message ?? 'Applying recommendations is off.', asked.recommendation);
        const open = await vscode.window.showWarningMessage(`dbt: ${asked.error.message}`, 'Open Settings');
        if (open)
          await vscode.commands.executeCommand(
            'workbench.action.openSettings',
            'dbtls.recommendations.allowApply',
          );
        return;
      }
      if (asked.error && asked.error.code !== 'apply-not-confirmed') {
        return answer(false, asked.error.message ?? 'Refused.', asked.recommendation);
      }
      if (!asked.error) return answer(true, `${verb}: ran ${asked.sql ?? ''}`, asked.recommendation);
      const sql = (action === 'apply' ? rec.applySql : rec.rollbackSql) ?? '';
      const choice = await vscode.window.showWarningMessage(
        `${verb} recommendation ${rec.id} on target '${rec.target}' for real?`,
        {
          modal: true,
          detail: `This runs on the warehouse (recorded in the audit table):\n\n${sql}\n\n${asked.error.message ?? ''}`,
        },
        verb,
      );
      if (choice !== verb) return answer(false, 'Not run: you did not confirm.', asked.recommendation);
      const done = await this.server.request('dbt/applyRecommendation', { ...params, confirm: true });
      if (!done) return answer(false, NO_PROJECT);
      if (done.error)
        return answer(false, `${verb} failed: ${done.error.message ?? done.error.code}`, done.recommendation);
      const audit = done.auditId !== undefined && done.auditId !== null ? ` (audit #${done.auditId})` : '';
      answer(true, `Ran ${done.sql ?? sql}${audit}.`, done.recommendation);
    } catch (e) {
      answer(false, messageOf(e));
    }
  }

  /** Stops following the job; `cancelOnServer` also cancels it there (a new benchmark replaces it). */
  private stopJob(cancelOnServer: boolean): void {
    const poll = this.poll;
    this.poll = undefined;
    if (!poll) return;
    if (cancelOnServer && poll.state === 'running') void poll.cancel().catch(() => undefined);
    poll.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopJob(true);
    for (const d of this.disposables.splice(0)) d.dispose();
    if (BenchmarkPanel.current === this) BenchmarkPanel.current = undefined;
    this.view.dispose();
  }
}
