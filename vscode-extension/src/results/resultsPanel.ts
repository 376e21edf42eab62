import * as path from 'node:path';
import * as vscode from 'vscode';
import { DbtServer, isCancellation, messageOf } from '../server/dbtServer';
import { ViewPanel } from '../webview/viewPanel';
import { sourceColumnFor } from '../webview/viewColumn';
import { EXPORT_FORMATS, exportedMessage, exportFileName } from './exportFormats';
import type { FromView, ToView } from './messages';
import { PAGE_ROWS, PREVIEW_LIMIT, PreviewSource, ResultTab, ResultTabs } from './resultTabs';

const NO_PROJECT = 'This file belongs to no dbt project the server knows: open a model of a dbt project.';

/**
 * The one results panel: each preview is a tab in it, earlier ones stay until closed. Every run
 * ends in a result, an error or a cancel the view is told of — so no timer runs forever — and
 * every server cursor is closed when its tab goes.
 */
export class ResultsPanel implements vscode.Disposable {
  private view?: ViewPanel<ToView, FromView>;
  private tabs = new ResultTabs();
  /** The running dbt/preview or dbt/previewPage of each tab. */
  private readonly runs = new Map<number, vscode.CancellationTokenSource>();
  private readonly profiles = new Map<number, vscode.CancellationTokenSource>();

  constructor(private readonly server: DbtServer) {}

  /** Opens a tab for the source and runs it. */
  async preview(source: PreviewSource): Promise<void> {
    const view = this.ensureView();
    const { tab, evicted } = this.tabs.open(source, Date.now());
    for (const old of evicted) this.release(old, true);
    view.post({ type: 'open', tab: this.tabs.header(tab) });
    view.reveal();
    await this.run(tab);
  }

  /** Exports the whole result of the tab the user looks at (or the newest); false when there is none. */
  async exportActive(): Promise<boolean> {
    const tab = this.tabs.active();
    if (!tab) return false;
    await exportWhole(this.server, tab.source, tab.title);
    return true;
  }

  dispose(): void {
    this.view?.dispose();
  }

  private ensureView(): ViewPanel<ToView, FromView> {
    if (this.view) return this.view;
    const view = new ViewPanel<ToView, FromView>(this.server.extensionUri, 'results', 'dbt Results');
    view.onMessage((m) =>
      this.handle(m).catch((e) => void vscode.window.showErrorMessage(`dbt: ${messageOf(e)}`)),
    );
    view.onDidDispose(() => {
      for (const tab of this.tabs.closeAll()) this.release(tab, false);
      this.view = undefined;
    });
    this.view = view;
    return view;
  }

  private post(message: ToView): void {
    this.view?.post(message);
  }

  private async handle(m: FromView): Promise<void> {
    switch (m.type) {
      case 'cancel':
        return this.cancel(m.id);
      case 'close': {
        const tab = this.tabs.close(m.id);
        if (tab) this.release(tab, false);
        return;
      }
      case 'select':
        return this.tabs.select(m.id);
      case 'loadMore':
        return this.loadMore(m.id);
      case 'rerun':
        return this.rerun(m.id);
      case 'export': {
        const tab = this.tabs.get(m.id);
        if (tab) await exportWhole(this.server, tab.source, tab.title);
        return;
      }
      case 'profile':
        return this.profile(m.id);
      case 'cancelProfile':
        return this.profiles.get(m.id)?.cancel();
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        vscode.window.setStatusBarMessage(`dbt: copied ${m.what}`, 3000);
        return;
      case 'openProblem': {
        const position = new vscode.Position(m.line, m.character);
        await vscode.window.showTextDocument(vscode.Uri.parse(m.uri), {
          viewColumn: sourceColumnFor(vscode.Uri.parse(m.uri)),
          selection: new vscode.Range(position, position),
        });
        return;
      }
      case 'openSql': {
        const sql = this.compiledSql.get(m.id);
        if (sql === undefined) return;
        const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: sql });
        await vscode.window.showTextDocument(doc, { viewColumn: sourceColumnFor(undefined) });
        return;
      }
    }
  }

  private readonly compiledSql = new Map<number, string>();

  private async run(tab: ResultTab): Promise<void> {
    const run = tab.run;
    const cts = new vscode.CancellationTokenSource();
    this.runs.set(tab.id, cts);
    const s = tab.source;
    try {
      const result = await this.server.request(
        'dbt/preview',
        { uri: s.uri, sql: s.sql, cte: s.cte, limit: PREVIEW_LIMIT, pageRows: PAGE_ROWS },
        cts.token,
      );
      const now = Date.now();
      if (!result) {
        if (this.tabs.fail(tab.id, run, 'error', NO_PROJECT, now)) {
          this.post({
            type: 'failed',
            id: tab.id,
            state: 'error',
            message: NO_PROJECT,
            elapsedMs: now - tab.startedAt,
          });
        }
        return;
      }
      if (this.tabs.finish(tab.id, run, result, now)) {
        this.compiledSql.set(tab.id, result.compiledSql ?? '');
        this.post({ type: 'result', id: tab.id, result, elapsedMs: now - tab.startedAt });
      } else if (result.cursor) {
        // the tab was closed, cancelled or run again meanwhile: nobody reads the rest
        this.server.notify('dbt/previewClose', { cursor: result.cursor });
      }
    } catch (e) {
      const now = Date.now();
      const cancelled = cts.token.isCancellationRequested || isCancellation(e);
      const state = cancelled ? 'cancelled' : 'error';
      const message = cancelled ? 'Cancelled.' : messageOf(e);
      if (this.tabs.fail(tab.id, run, state, message, now)) {
        this.post({ type: 'failed', id: tab.id, state, message, elapsedMs: now - tab.startedAt });
      }
    } finally {
      if (this.runs.get(tab.id) === cts) this.runs.delete(tab.id);
      cts.dispose();
    }
  }

  /** Cancel: the view is told at once, the server's answer to $/cancelRequest is then stale. */
  private cancel(id: number): void {
    const now = Date.now();
    const tab = this.tabs.cancel(id, now);
    this.runs.get(id)?.cancel();
    if (tab)
      this.post({
        type: 'failed',
        id,
        state: 'cancelled',
        message: 'Cancelled.',
        elapsedMs: now - tab.startedAt,
      });
  }

  private async rerun(id: number): Promise<void> {
    this.runs.get(id)?.cancel();
    const again = this.tabs.rerun(id, Date.now());
    if (!again) return;
    if (again.staleCursor) this.server.notify('dbt/previewClose', { cursor: again.staleCursor });
    this.post({ type: 'running', id, startedAt: again.tab.startedAt });
    await this.run(again.tab);
  }

  private async loadMore(id: number): Promise<void> {
    const next = this.tabs.startPage(id);
    if (!next) return;
    const cts = new vscode.CancellationTokenSource();
    this.runs.set(id, cts);
    try {
      const page = await this.server.request(
        'dbt/previewPage',
        { cursor: next.cursor, pageRows: PAGE_ROWS },
        cts.token,
      );
      if (!page) throw new Error('The server sent no page.');
      if (this.tabs.page(id, next.run, page)) this.post({ type: 'page', id, page });
      else if (page.cursor) this.server.notify('dbt/previewClose', { cursor: page.cursor });
    } catch (e) {
      if (this.tabs.pageFailed(id, next.run)) {
        this.post({ type: 'pageFailed', id, message: isCancellation(e) ? 'Cancelled.' : messageOf(e) });
      }
    } finally {
      if (this.runs.get(id) === cts) this.runs.delete(id);
      cts.dispose();
    }
  }

  private async profile(id: number): Promise<void> {
    const tab = this.tabs.get(id);
    if (!tab || this.profiles.has(id)) return;
    const cts = new vscode.CancellationTokenSource();
    this.profiles.set(id, cts);
    this.post({ type: 'profileRunning', id, startedAt: Date.now() });
    try {
      const profile = await this.server.request(
        'dbt/profile',
        { uri: tab.source.uri, sql: tab.source.sql },
        cts.token,
      );
      if (!profile) this.post({ type: 'profileFailed', id, message: NO_PROJECT });
      else this.post({ type: 'profile', id, profile });
    } catch (e) {
      const cancelled = cts.token.isCancellationRequested || isCancellation(e);
      this.post({ type: 'profileFailed', id, message: cancelled ? 'Profile cancelled.' : messageOf(e) });
    } finally {
      this.profiles.delete(id);
      cts.dispose();
    }
  }

  /** A tab is gone: its requests are cancelled and its cursor closed. */
  private release(tab: ResultTab, tellView: boolean): void {
    this.runs.get(tab.id)?.cancel();
    this.profiles.get(tab.id)?.cancel();
    this.compiledSql.delete(tab.id);
    if (tab.cursor) this.server.notify('dbt/previewClose', { cursor: tab.cursor });
    tab.cursor = undefined;
    if (tellView) this.post({ type: 'closed', id: tab.id });
  }
}

/**
 * Export: the whole result of what the preview runs (dbt/export runs it again and streams every
 * row into the file), not the rows loaded in the grid.
 */
export async function exportWhole(server: DbtServer, source: PreviewSource, title: string): Promise<void> {
  const format = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f.label, description: f.description, format: f })),
    { title: `Export all rows of ${title}`, placeHolder: 'Format' },
  );
  if (!format) return;
  const f = format.format;
  const folder =
    vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(source.uri))?.uri ??
    vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = exportFileName(title, f);
  const target = await vscode.window.showSaveDialog({
    title: `Export ${title} as ${f.label}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [f.label]: [f.extension] },
    saveLabel: 'Export',
  });
  if (!target) return;
  try {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `dbt: exporting ${title} to ${path.basename(target.fsPath)}…`,
        cancellable: true,
      },
      (_progress, token) =>
        server.request(
          'dbt/export',
          { uri: source.uri, sql: source.sql, cte: source.cte, path: target.fsPath, format: f.id },
          token,
        ),
    );
    if (!result) {
      void vscode.window.showErrorMessage(`dbt: export failed: ${NO_PROJECT}`);
      return;
    }
    if (result.error) {
      void vscode.window.showErrorMessage(`dbt: export failed: ${result.error.message ?? result.error.code}`);
      return;
    }
    const file = result.path ? vscode.Uri.file(result.path) : target;
    const choice = await vscode.window.showInformationMessage(
      `dbt: ${exportedMessage(result, path.basename(file.fsPath))}`,
      'Open',
      'Reveal',
    );
    if (choice === 'Open') {
      if (f.text) await vscode.commands.executeCommand('vscode.open', file);
      else await vscode.env.openExternal(file);
    } else if (choice === 'Reveal') {
      await vscode.commands.executeCommand('revealFileInOS', file);
    }
  } catch (e) {
    if (isCancellation(e))
      void vscode.window.showInformationMessage('dbt: export cancelled; no file was written.');
    else void vscode.window.showErrorMessage(`dbt: export failed: ${messageOf(e)}`);
  }
}
