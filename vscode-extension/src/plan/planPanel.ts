import * as vscode from 'vscode';
import type { ExplainParams } from '../protocol.generated';
import { DbtServer, isCancellation, messageOf } from '../server/dbtServer';
import { ViewPanel } from '../webview/viewPanel';
import { sourceColumnFor } from '../webview/viewColumn';
import type { FromPlanView, ToPlanView } from './messages';
import { planTitle } from './planSteps';

/** What is explained: a document (its model as the buffer has it), optionally one CTE or ad-hoc SQL. */
export interface PlanTarget {
  uri: string;
  nodeId?: string;
  sql?: string;
  cte?: string;
}

const NO_PROJECT = 'This file belongs to no dbt project the server knows: open a model of a dbt project.';

/**
 * The one Query plan panel, beside the editor: asks dbt/explain for the target (estimates only
 * unless the user asks for Explain Analyze, which runs the query), shows the timer until the
 * answer, an error or Cancel, and opens the model where a step's input is written.
 */
export class PlanPanel implements vscode.Disposable {
  private static current: PlanPanel | undefined;

  private readonly view: ViewPanel<ToPlanView, FromPlanView>;
  private target: PlanTarget;
  private running?: vscode.CancellationTokenSource;
  private startedAt = 0;
  private executedSql?: string;
  private disposed = false;

  /** Explains the target in the panel (opened if needed). */
  static show(server: DbtServer, target: PlanTarget, analyze = false): Promise<void> {
    if (!PlanPanel.current) PlanPanel.current = new PlanPanel(server, target);
    else PlanPanel.current.view.reveal();
    return PlanPanel.current.explain(target, analyze);
  }

  /** Closes the panel (the extension deactivates). */
  static closeAll(): void {
    PlanPanel.current?.dispose();
  }

  private constructor(
    private readonly server: DbtServer,
    target: PlanTarget,
  ) {
    this.target = target;
    this.view = new ViewPanel(server.extensionUri, 'plan', `Plan: ${planTitle(target.uri, target.nodeId)}`);
    this.view.onMessage((m) =>
      this.received(m).catch((e) => void vscode.window.showErrorMessage(`dbt: ${messageOf(e)}`)),
    );
    this.view.onDidDispose(() => this.dispose());
  }

  async explain(target: PlanTarget, analyze: boolean): Promise<void> {
    this.running?.cancel();
    const cts = (this.running = new vscode.CancellationTokenSource());
    this.target = target;
    const title = planTitle(target.uri, target.nodeId);
    this.view.panel.title = `Plan: ${title}`;
    const startedAt = (this.startedAt = Date.now());
    this.view.post({ type: 'running', title, analyze, startedAt });
    const params: ExplainParams = { uri: target.uri, sql: target.sql, cte: target.cte, analyze };
    try {
      const result = await this.server.request('dbt/explain', params, cts.token);
      if (this.running !== cts) return; // cancelled or explained again meanwhile
      const elapsedMs = Date.now() - startedAt;
      if (!result) {
        this.view.post({ type: 'failed', state: 'error', message: NO_PROJECT, elapsedMs });
        return;
      }
      this.executedSql = result.sql || result.compiledSql;
      const named = planTitle(target.uri, result.nodeId ?? target.nodeId);
      this.view.panel.title = `Plan: ${named}`;
      this.view.post({ type: 'result', title: named, analyze, result, elapsedMs });
    } catch (e) {
      if (this.running !== cts) return;
      const cancelled = cts.token.isCancellationRequested || isCancellation(e);
      this.view.post({
        type: 'failed',
        state: cancelled ? 'cancelled' : 'error',
        message: cancelled ? 'Cancelled.' : messageOf(e),
        elapsedMs: Date.now() - startedAt,
      });
    } finally {
      if (this.running === cts) this.running = undefined;
      cts.dispose();
    }
  }

  private async received(m: FromPlanView): Promise<void> {
    switch (m.type) {
      case 'cancel': {
        const cts = this.running;
        if (!cts) return;
        this.running = undefined;
        cts.cancel();
        // told at once: the server's answer to $/cancelRequest is stale
        this.view.post({
          type: 'failed',
          state: 'cancelled',
          message: 'Cancelled.',
          elapsedMs: Date.now() - this.startedAt,
        });
        return;
      }
      case 'rerun':
        return this.explain(this.target, m.analyze);
      case 'open': {
        const uri = vscode.Uri.parse(m.uri);
        const r = m.range;
        const selection =
          r?.start && r.end
            ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)
            : undefined;
        try {
          await vscode.window.showTextDocument(uri, {
            viewColumn: sourceColumnFor(uri),
            selection,
            preview: true,
          });
        } catch (e) {
          void vscode.window.showErrorMessage(`dbt: cannot open ${uri.fsPath}: ${messageOf(e)}`);
        }
        return;
      }
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        vscode.window.setStatusBarMessage(`dbt: copied ${m.what}`, 3000);
        return;
      case 'openSql': {
        if (!this.executedSql) return;
        const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: this.executedSql });
        await vscode.window.showTextDocument(doc, { viewColumn: sourceColumnFor(undefined) });
        return;
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.running?.cancel();
    this.running = undefined;
    if (PlanPanel.current === this) PlanPanel.current = undefined;
    this.view.dispose();
  }
}
