/**
 * The LSP wiring: the only package that knows LSP4J's services. Handlers are a few lines: find the
 * project and its analysis, call the {@code ide} feature, convert to LSP.
 *
 * <ul>
 *   <li>Connection: {@link dev.dbtls.lsp.LspServer} on stdio (stdout then belongs to JSON-RPC
 *       alone; {@code System.out} is pointed at stderr) or on a port of 127.0.0.1; each message
 *       body is read whole before LSP4J parses it ({@code FramedMessageReader}), and LSP's
 *       lifecycle and required params are checked before a handler sees it ({@code
 *       CheckedEndpoint}).
 *   <li>Order and threads ({@code Requests}): LSP4J calls the handlers on its message thread in the
 *       client's order, so the buffer is read there (a {@code didChange} sent before a request is
 *       in the text it answers for) and the work goes to a feature pool; warehouse and store
 *       requests (blocking JDBC) run on a pool of their own. A feature waits for its project's
 *       first load at most 60 s, holding no thread; {@code $/cancelRequest} cancels the returned
 *       future.
 *   <li>Diagnostics are published when the project's session announces them ({@link
 *       dev.dbtls.lsp.DiagnosticsPublisher}: files whose problems changed, an empty list for files
 *       that have none any more); the server decides nothing about them.
 *   <li>Files: a watcher for project files and one for deletions are registered at {@code
 *       initialized} when the client supports it; the disk is never polled, and an open buffer
 *       stays the truth whatever the disk says.
 *   <li>Completion sends at most 200 items, marked incomplete when cut; rename stamps each edited
 *       buffer with the version its edits were computed from and fails with {@code ContentModified}
 *       when the buffer changed meanwhile.
 * </ul>
 */
package dev.dbtls.lsp;
