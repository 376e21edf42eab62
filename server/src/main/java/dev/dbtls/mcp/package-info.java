/**
 * {@code dbtls mcp}: the project as a Model Context Protocol server for coding agents, on the
 * official Java SDK (stdio, or streamable HTTP on 127.0.0.1). Beside {@code lsp}, above {@code
 * workspace}: it answers from the same {@code workspace.Workspace} and {@code ide.Analysis} the
 * language server does, and runs queries through the same {@code query} code with the editor's
 * read-only guard, limits and secret redaction. One class per tool ({@link DbtTool}); {@link
 * ToolCalls} wraps each call (time, redaction, the query history with origin {@code mcp}).
 * Read-only unless started with {@code --allow-build}.
 */
package dev.dbtls.mcp;
