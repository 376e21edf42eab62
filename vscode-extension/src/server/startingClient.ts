import { LanguageClient, State } from 'vscode-languageclient/node';

/**
 * The language client, whose own error messages stay in the log until the server first runs. A
 * first start that fails is said once by ServerClient with why (out of memory with its heap dump,
 * or the server's exit and last words), not also as the client's "couldn't create connection to
 * server" and "Server initialization failed" beside it, which name no cause. Once the server ran,
 * the client's messages (a restart after a crash that fails, say) are shown as they were.
 */
export class StartingClient extends LanguageClient {
  private ran = false;

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    this.ran ||= this.state === State.Running;
    super.error(message, data, this.ran ? showNotification : false);
  }

  /** Called when the client reaches Running. */
  markRunning(): void {
    this.ran = true;
  }
}
