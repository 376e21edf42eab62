import * as vscode from 'vscode';
import { COMPILED_SCHEME, makeRoomForViews, viewColumnNow } from '../webview/viewColumn';
import type { CompileResult } from '../protocol.generated';
import { LensArgument, targetDocument } from '../editorTarget';
import { DbtServer, messageOf } from '../server/dbtServer';
import { compiledText, sqlSpansOf, templateSpanOf } from './sourceMap';

const SCHEME = COMPILED_SCHEME;

/**
 * dbt: Show Compiled SQL — a read-only SQL document beside the model, compiled by the server
 * from the unsaved text and updated as you type. The cursor in either editor highlights where
 * it came from or went to in the other (the compile's source map).
 */
export function registerCompiledSql(context: vscode.ExtensionContext, server: DbtServer): void {
  const compiled = new CompiledDocuments(server);
  context.subscriptions.push(
    compiled,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, compiled),
    vscode.commands.registerCommand('dbtls.showCompiledSql', (arg?: LensArgument | vscode.Uri) =>
      compiled.show(arg),
    ),
  );
}

/** The compiled URI of a model: its path with `.compiled.sql`, the model's URI in the query. */
export function compiledUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `${source.path}.compiled.sql`, query: source.toString() });
}

class CompiledDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly results = new Map<string, CompileResult | null>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderRadius: '2px',
  });
  private syncing = false;

  constructor(private readonly server: DbtServer) {
    this.disposables.push(
      this.changed,
      this.highlight,
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.selectionMoved(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === SCHEME) this.results.delete(d.uri.query);
      }),
    );
  }

  async show(arg?: LensArgument | vscode.Uri): Promise<void> {
    const source = targetDocument(arg);
    if (!source) return;
    const doc = await vscode.workspace.openTextDocument(compiledUri(source.uri));
    await vscode.languages.setTextDocumentLanguage(doc, 'sql');
    await makeRoomForViews();
    await vscode.window.showTextDocument(doc, {
      viewColumn: viewColumnNow(),
      preserveFocus: true,
      preview: false,
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const source = uri.query;
    const name = vscode.Uri.parse(source).path.split('/').pop() ?? source;
    try {
      const r = await this.server.request('dbt/compile', { uri: source }, token);
      this.results.set(source, r ?? null);
      return compiledText(r ?? null, name);
    } catch (e) {
      this.results.delete(source);
      return `-- ${name}: could not compile: ${messageOf(e)}\n`;
    }
  }

  private sourceChanged(d: vscode.TextDocument): void {
    const key = d.uri.toString();
    if (!this.results.has(key)) return;
    clearTimeout(this.timers.get(key));
    // as you type: compile again once typing pauses
    this.timers.set(
      key,
      setTimeout(() => this.changed.fire(compiledUri(d.uri)), 300),
    );
  }

  private selectionMoved(e: vscode.TextEditorSelectionChangeEvent): void {
    if (this.syncing) return;
    const doc = e.textEditor.document;
    const fromCompiled = doc.uri.scheme === SCHEME;
    const sourceKey = fromCompiled ? doc.uri.query : doc.uri.toString();
    const r = this.results.get(sourceKey);
    if (!r?.sourceMap) return;
    const other = vscode.window.visibleTextEditors.find((x) =>
      fromCompiled
        ? x.document.uri.toString() === sourceKey
        : x.document.uri.toString() === compiledUri(doc.uri).toString(),
    );
    if (!other) return;
    const offset = doc.offsetAt(e.selections[0].active);
    const spans = fromCompiled
      ? [templateSpanOf(r.sourceMap, offset)].filter((s) => s !== undefined)
      : sqlSpansOf(r.sourceMap, offset);
    const ranges = spans.map(
      (s) =>
        new vscode.Range(
          other.document.positionAt(s.start),
          other.document.positionAt(Math.max(s.end, s.start)),
        ),
    );
    other.setDecorations(this.highlight, ranges);
    if (ranges[0]) other.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}
