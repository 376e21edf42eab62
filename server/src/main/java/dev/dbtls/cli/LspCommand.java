package dev.dbtls.cli;

import dev.dbtls.lsp.LspServer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbtls lsp}: the language server, LSP 3.17 over stdio (the default command). */
@Command(name = "lsp", description = "Run the language server (LSP over stdio; the default).")
final class LspCommand implements Callable<Integer> {
  @Option(names = "--port", description = "Listen on 127.0.0.1:N instead of stdio (for debugging)")
  Integer port;

  // clients such as vscode-languageclient add this flag when they launch over stdio
  @Option(names = "--stdio", hidden = true, description = "Use stdio (the default)")
  boolean stdio;

  @Override
  public Integer call() throws IOException {
    return port == null ? LspServer.runStdio() : LspServer.runOnPort(port);
  }
}
