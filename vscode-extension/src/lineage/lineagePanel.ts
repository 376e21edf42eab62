import * as vscode from 'vscode';
import type { ColumnLineageResult, LineageParams, LineageResult } from '../protocol.generated';
import { DbtServer, isCancellation, messageOf } from '../server/dbtServer';
import { ViewPanel } from '../webview/viewPanel';
import { sourceColumnFor } from '../webview/viewColumn';
import { askColumnLineage, ColumnTarget, pickColumn } from './columnPick';
import { DEFAULT_OPTIONS, FromLineageView, LineageOptions, ToLineageView } from './messages';

/** The node whose lineage is shown: a document, a unique id, or both. */
export interface LineageTarget {
  uri?: string;
  nodeId?: string;
  /** What the panel is titled while it loads. */
  label: string;
}

/**
 * The one Lineage panel, beside the editor: asks dbt/lineage for the target with the toolbar's
 * options, expands nodes on request (a dbt/lineage per node, merged by the view), opens a node's
 * file when the view asks. It shows one column's lineage (dbt/columnLineage) instead when asked
 * for a column, from the command or a card's "Columns".
 */
export class LineagePanel implements vscode.Disposable {
  private static current: LineagePanel | undefined;

  private readonly view: ViewPanel<ToLineageView, FromLineageView>;
  private target: LineageTarget;
  private options: LineageOptions = { ...DEFAULT_OPTIONS };
  private loading?: vscode.CancellationTokenSource;
  /** The column shown, when the panel shows a column's lineage. */
  private column?: ColumnTarget;
  private includeFilters = true;

  static show(server: DbtServer, target: LineageTarget): void {
    void LineagePanel.open(server, target).load(target);
  }

  /** A column's lineage; `answer` when the caller already has it (with the default options). */
  static showColumn(server: DbtServer, target: ColumnTarget, answer?: ColumnLineageResult): void {
    void LineagePanel.open(server, {
      uri: target.uri,
      nodeId: target.nodeId,
      label: target.column,
    }).loadColumn(target, answer);
  }

  private static open(server: DbtServer, target: LineageTarget): LineagePanel {
    if (!LineagePanel.current) LineagePanel.current = new LineagePanel(server, target);
    else LineagePanel.current.view.reveal();
    return LineagePanel.current;
  }

  private constructor(
    private readonly server: DbtServer,
    target: LineageTarget,
  ) {
    this.target = target;
    this.view = new ViewPanel(server.extensionUri, 'lineage', 'Lineage');
    this.view.onMessage((m) => void this.received(m));
    this.view.onDidDispose(() => this.dispose());
  }

  private async load(target: LineageTarget): Promise<void> {
    this.target = target;
    this.column = undefined;
    this.view.panel.title = `Lineage: ${target.label}`;
    this.view.post({ type: 'loading', title: target.label });
    this.loading?.cancel();
    const cancel = (this.loading = new vscode.CancellationTokenSource());
    const result = await this.ask(
      {
        uri: target.uri,
        nodeId: target.nodeId,
        upstreamDepth: this.options.up,
        downstreamDepth: this.options.down,
        includeTests: this.options.tests,
      },
      cancel.token,
    );
    if (result === undefined || cancel.token.isCancellationRequested) return;
    const root = result.nodes?.find((n) => n.id === result.root);
    if (root) this.view.panel.title = `Lineage: ${root.name}`;
    if (result.root && !this.target.nodeId) this.target = { ...this.target, nodeId: result.root };
    this.view.post({ type: 'graph', result, options: this.options });
  }

  private async loadColumn(target: ColumnTarget, answer?: ColumnLineageResult): Promise<void> {
    this.column = target;
    this.target = { uri: target.uri, nodeId: target.nodeId, label: target.column };
    // titled by the node's name once the answer gives it
    const title = target.column;
    this.view.panel.title = `Column Lineage: ${title}`;
    this.loading?.cancel();
    const cancel = (this.loading = new vscode.CancellationTokenSource());
    let result = answer && this.includeFilters ? answer : undefined;
    if (!result) {
      this.view.post({ type: 'loading', title });
      try {
        result = await askColumnLineage(
          this.server,
          {
            uri: target.uri,
            nodeId: target.nodeId,
            column: target.column,
            includeFilters: this.includeFilters,
          },
          cancel.token,
        );
      } catch (e) {
        this.view.post({ type: 'error', message: `Column lineage failed: ${messageOf(e)}` });
        return;
      }
    }
    if (result === undefined || cancel.token.isCancellationRequested) return;
    if (result.nodeId) {
      this.column = { ...target, nodeId: result.nodeId, column: result.column ?? target.column };
      this.target = { ...this.target, nodeId: result.nodeId };
      const node = result.columns?.find((c) => c.nodeId === result!.nodeId)?.nodeName ?? result.nodeId;
      this.view.panel.title = `Column Lineage: ${node}.${this.column.column}`;
    }
    this.view.post({ type: 'columnGraph', result, includeFilters: this.includeFilters });
  }

  /** The answer, or undefined after telling the view what went wrong (nothing when cancelled). */
  private async ask(
    params: LineageParams,
    token?: vscode.CancellationToken,
  ): Promise<LineageResult | undefined> {
    try {
      const r = await this.server.request('dbt/lineage', params, token);
      return (
        r ?? { message: 'The server has no lineage for this node.', nodes: [], edges: [], truncated: false }
      );
    } catch (e) {
      if (isCancellation(e)) return undefined;
      this.view.post({ type: 'error', message: `Lineage failed: ${messageOf(e)}` });
      return undefined;
    }
  }

  private async received(m: FromLineageView): Promise<void> {
    switch (m.type) {
      case 'open': {
        const uri = vscode.Uri.parse(m.uri);
        const r = m.range;
        const range =
          r?.start && r.end
            ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)
            : undefined;
        try {
          await vscode.window.showTextDocument(uri, {
            viewColumn: sourceColumnFor(uri),
            selection: range,
            preview: true,
          });
        } catch (e) {
          void vscode.window.showErrorMessage(`dbt: cannot open ${uri.fsPath}: ${messageOf(e)}`);
        }
        return;
      }
      case 'expand': {
        const result = await this.ask({
          uri: this.target.uri,
          nodeId: m.id,
          upstreamDepth: m.direction === 'up' ? 1 : 0,
          downstreamDepth: m.direction === 'down' ? 1 : 0,
          includeTests: this.options.tests,
        });
        if (result) this.view.post({ type: 'merge', around: m.id, result });
        return;
      }
      case 'options':
        this.options = m.options;
        await this.load(this.target);
        return;
      case 'column':
        await this.loadColumn({ uri: this.target.uri, nodeId: m.nodeId, column: m.column });
        return;
      case 'pickColumn': {
        // the panel's document says which project the node is in
        const target = await pickColumn(this.server, {
          uri: this.target.uri,
          nodeId: m.nodeId,
          name: m.name,
        });
        if (target) await this.loadColumn(target);
        return;
      }
      case 'columnFilters':
        this.includeFilters = m.includeFilters;
        if (this.column) await this.loadColumn(this.column);
        return;
      case 'models':
        await this.load({
          uri: this.target.uri,
          nodeId: m.nodeId,
          label: m.nodeId.split('.').pop() ?? m.nodeId,
        });
        return;
    }
  }

  dispose(): void {
    this.loading?.cancel();
    if (LineagePanel.current === this) LineagePanel.current = undefined;
    this.view.dispose();
  }
}
