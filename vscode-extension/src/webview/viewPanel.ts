import * as vscode from 'vscode';
import { newNonce, viewHtml } from './viewHtml';
import { viewColumnNow } from './viewColumn';

/**
 * A webview panel showing one of the bundled views (`dist/webviews/<view>.js` and `.css`).
 * Messages to the view wait until the view has said `{type: 'ready'}`, so nothing sent while it
 * loads is lost; the view keeps its state while hidden. It opens in the views' column beside
 * the editor (./viewColumn.ts), keeping the focus in the editor. `In` is what the view receives, `Out`
 * what it sends.
 */
export class ViewPanel<In extends { type: string }, Out extends { type: string }>
  implements vscode.Disposable
{
  readonly panel: vscode.WebviewPanel;
  private ready = false;
  private readonly queue: In[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<Out>();
  /** Messages from the view, except `ready`. */
  readonly onMessage = this.received.event;
  readonly onDidDispose: vscode.Event<void>;

  constructor(extensionUri: vscode.Uri, view: string, title: string, preserveFocus = true) {
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webviews');
    this.panel = vscode.window.createWebviewPanel(
      `dbtls.${view}`,
      title,
      { viewColumn: viewColumnNow(), preserveFocus },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [root],
      },
    );
    const w = this.panel.webview;
    w.html = viewHtml({
      cspSource: w.cspSource,
      nonce: newNonce(),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(root, `${view}.js`)).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(root, `${view}.css`)).toString(),
      title,
    });
    this.onDidDispose = this.panel.onDidDispose;
    this.disposables.push(
      this.received,
      w.onDidReceiveMessage((m: Out | { type: 'ready' }) => {
        if (m?.type === 'ready') {
          this.ready = true;
          for (const q of this.queue.splice(0)) void w.postMessage(q);
        } else {
          this.received.fire(m as Out);
        }
      }),
      this.panel.onDidDispose(() => this.disposeListeners()),
    );
  }

  post(message: In): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  /** Shows the panel where it is, keeping the focus in the editor. */
  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? viewColumnNow(), true);
  }

  dispose(): void {
    this.panel.dispose();
  }

  private disposeListeners(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
