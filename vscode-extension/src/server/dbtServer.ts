import type * as vscode from 'vscode';
import type { DbtNotifications, DbtRequests, DbtServerNotifications } from '../protocol.generated';

/** The server is not running (not yet started, stopped after crashes, or no Java): says why. */
export class ServerNotRunning extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ServerNotRunning';
  }
}

/**
 * What features need of the server: the typed `dbt/*` requests and notifications of
 * protocol.generated.ts. Requests made while the server is not running reject with
 * {@link ServerNotRunning}, whose message says why.
 */
export interface DbtServer {
  readonly extensionUri: vscode.Uri;
  readonly running: boolean;
  request<M extends keyof DbtRequests>(
    method: M,
    params: DbtRequests[M]['params'],
    token?: vscode.CancellationToken,
  ): Promise<DbtRequests[M]['result']>;
  notify<M extends keyof DbtNotifications>(method: M, params: DbtNotifications[M]): void;
  onNotification<M extends keyof DbtServerNotifications>(
    method: M,
    handler: (params: DbtServerNotifications[M]) => void,
  ): vscode.Disposable;
  /** Fires when the server (re)started or stopped, e.g. to refresh a view. */
  readonly onDidChangeState: vscode.Event<boolean>;
}

/** A request that failed because it was cancelled (by the user or a newer request). */
export function isCancellation(e: unknown): boolean {
  const code = (e as { code?: number })?.code;
  return (
    code === -32800 || (e as Error)?.name === 'Canceled' || /cancell?ed/i.test((e as Error)?.message ?? '')
  );
}

/** A one-line message for any failure. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  const m = (e as { message?: string })?.message;
  return m ?? JSON.stringify(e);
}
