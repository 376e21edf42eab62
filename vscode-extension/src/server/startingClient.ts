import { LanguageClient, State } from 'vscode-languageclient/node';

/**
 * The language client, whose own error messages stay in the log until the server runs. A start
 * that fails is said once by ServerClient with why (out of memory with its heap dump, or the
 * server's exit and last words), not also as the client's "couldn't create connection to server"
 * and "Server initialization failed" beside it, which name no cause.
 */
export class StartingClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.state === State.Running ? showNotification : false);
  }
}
