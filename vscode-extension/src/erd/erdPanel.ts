import * as vscode from 'vscode';
import type { ErdResult } from '../protocol.generated';
import { DbtServer, isCancellation, messageOf } from '../server/dbtServer';
import { ViewPanel } from '../webview/viewPanel';
import { sourceColumnFor } from '../webview/viewColumn';
import { DEFAULT_MAX_NODES, erdTitle } from './erdGraph';
import { FromErdView, ToErdView } from './messages';

/** What the diagram shows: a selection of the project of a document. */
export interface ErdTarget {
  /** A document of the project; undefined: the first project. */
  uri?: string;
  /** dbt's selection syntax; empty: every model of the project. */
  select: string[];
}

/**
 * The one ERD panel, beside the editor: asks dbt/erd for the target, opens an entity's file when
 * the view asks, and asks for another selector from the toolbar.
 */
export class ErdPanel implements vscode.Disposable {
  private static current: ErdPanel | undefined;

  private readonly view: ViewPanel<ToErdView, FromErdView>;
  private target: ErdTarget;
  private loading?: vscode.CancellationTokenSource;

  static show(
    server: DbtServer,
    target: ErdTarget,
    askSelector: (current: ErdTarget) => Thenable<ErdTarget | undefined>,
  ): void {
    if (!ErdPanel.current) ErdPanel.current = new ErdPanel(server, target, askSelector);
    else ErdPanel.current.view.reveal();
    void ErdPanel.current.load(target);
  }

  private constructor(
    private readonly server: DbtServer,
    target: ErdTarget,
    private readonly askSelector: (current: ErdTarget) => Thenable<ErdTarget | undefined>,
  ) {
    this.target = target;
    this.view = new ViewPanel(server.extensionUri, 'erd', erdTitle(target.select));
    this.view.onMessage((m) => void this.received(m));
    this.view.onDidDispose(() => this.dispose());
  }

  private async load(target: ErdTarget): Promise<void> {
    this.target = target;
    this.view.panel.title = erdTitle(target.select);
    this.view.post({ type: 'loading', select: target.select });
    this.loading?.cancel();
    const cancel = (this.loading = new vscode.CancellationTokenSource());
    let result: ErdResult | null;
    try {
      result = await this.server.request(
        'dbt/erd',
        { uri: target.uri, select: target.select, maxNodes: DEFAULT_MAX_NODES },
        cancel.token,
      );
    } catch (e) {
      if (isCancellation(e) || cancel.token.isCancellationRequested) return;
      this.view.post({ type: 'error', message: `ERD failed: ${messageOf(e)}` });
      return;
    }
    if (cancel.token.isCancellationRequested) return;
    this.view.post({
      type: 'erd',
      select: target.select,
      result: result ?? {
        message: 'The server has no diagram for this selection.',
        entities: [],
        relationships: [],
        truncated: false,
      },
    });
  }

  private async received(m: FromErdView): Promise<void> {
    switch (m.type) {
      case 'open': {
        const uri = vscode.Uri.parse(m.uri);
        try {
          await vscode.window.showTextDocument(uri, { viewColumn: sourceColumnFor(uri), preview: true });
        } catch (e) {
          void vscode.window.showErrorMessage(`dbt: cannot open ${uri.fsPath}: ${messageOf(e)}`);
        }
        return;
      }
      case 'select': {
        const next = await this.askSelector(this.target);
        if (next) await this.load(next);
        return;
      }
    }
  }

  dispose(): void {
    this.loading?.cancel();
    if (ErdPanel.current === this) ErdPanel.current = undefined;
    this.view.dispose();
  }
}
