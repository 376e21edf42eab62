import * as vscode from 'vscode';
import {
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  LanguageClient,
} from 'vscode-languageclient/node';

/** What the bridge needs of the client: whether it runs, and the running client once it does. */
export interface StartingServer {
  readonly running: boolean;
  /** Whether the document belongs to one of the window's dbt projects. */
  serves(document: vscode.TextDocument): boolean;
  runningClient(): Promise<LanguageClient | undefined>;
}

/**
 * Completion, hover and definition in the server's first seconds. The language client registers
 * its providers only once the server has answered `initialize`; until then VS Code would offer
 * nothing but words of the file. These providers answer exactly those early requests: they wait
 * for the server and forward the request to it. Once the server runs they step aside (the
 * client's own providers answer), so nothing is offered twice.
 */
export function registerStartupBridge(
  selector: vscode.DocumentSelector,
  server: StartingServer,
): vscode.Disposable {
  const early = async <T>(
    doc: vscode.TextDocument,
    token: vscode.CancellationToken,
    ask: (c: LanguageClient) => Promise<T>,
  ): Promise<T | undefined> => {
    if (server.running || !server.serves(doc)) return undefined;
    const c = await server.runningClient();
    if (!c || token.isCancellationRequested) return undefined;
    return ask(c);
  };
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        provideCompletionItems: (doc, pos, token, context) =>
          early(doc, token, async (c) => {
            const r = await c.sendRequest(
              CompletionRequest.type,
              c.code2ProtocolConverter.asCompletionParams(doc, pos, context),
              token,
            );
            return c.protocol2CodeConverter.asCompletionResult(r, undefined, token);
          }),
      },
      "'",
      '"',
      '.',
      '(',
      ' ',
    ),
    vscode.languages.registerHoverProvider(selector, {
      provideHover: (doc, pos, token) =>
        early(doc, token, async (c) => {
          const r = await c.sendRequest(
            HoverRequest.type,
            c.code2ProtocolConverter.asTextDocumentPositionParams(doc, pos),
            token,
          );
          return c.protocol2CodeConverter.asHover(r);
        }),
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition: (doc, pos, token) =>
        early(doc, token, async (c) => {
          const r = await c.sendRequest(
            DefinitionRequest.type,
            c.code2ProtocolConverter.asTextDocumentPositionParams(doc, pos),
            token,
          );
          return c.protocol2CodeConverter.asDefinitionResult(r, token);
        }),
    }),
  );
}
