// Parts of the `vscode` module the panel tests' stand-ins are built from: events, cancellation
// tokens and URIs that behave as VS Code's do for the code under test.

export type Msg = { type: string; [k: string]: unknown };

/** vscode.EventEmitter: `event` subscribes (returning a disposable), `fire` calls the listeners. */
export class Emitter<T> {
  private handlers: Array<(v: T) => void> = [];
  event = (h: (v: T) => void) => {
    this.handlers.push(h);
    return { dispose: () => (this.handlers = this.handlers.filter((x) => x !== h)) };
  };
  fire(v: T): void {
    for (const h of [...this.handlers]) h(v);
  }
  dispose(): void {
    this.handlers = [];
  }
}

/** vscode.CancellationTokenSource: cancelling once sets the flag and fires the event. */
export class TokenSource {
  private readonly cancelled = new Emitter<void>();
  token = { isCancellationRequested: false, onCancellationRequested: this.cancelled.event };
  cancel(): void {
    if (this.token.isCancellationRequested) return;
    this.token.isCancellationRequested = true;
    this.cancelled.fire();
  }
  dispose(): void {}
}

/** A file URI as far as the panels look at one. */
export const uri = (s: string) => ({ toString: () => s, fsPath: s.replace(/^file:\/\//, ''), path: s });

/** The editor groups of a window with nothing open yet, as src/webview/viewColumn.ts reads them. */
export const emptyTabs = {
  TabInputText: class {},
  TabInputWebview: class {},
  tabGroups: { all: [] as unknown[] },
};
