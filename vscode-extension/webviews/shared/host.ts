// The view's side of the typed message channel with the extension (src/webview/viewPanel.ts).
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post<Out extends { type: string }>(message: Out): void {
  api.postMessage(message);
}

/** Listens to the extension's messages, then tells it the view is ready to receive them. */
export function listen<In extends { type: string }>(handler: (message: In) => void): void {
  window.addEventListener('message', (e: MessageEvent<In>) => {
    if (e.data && typeof e.data.type === 'string') handler(e.data);
  });
  api.postMessage({ type: 'ready' });
}

export function savedState<S>(): S | undefined {
  return api.getState() as S | undefined;
}

export function saveState<S>(state: S): void {
  api.setState(state);
}
