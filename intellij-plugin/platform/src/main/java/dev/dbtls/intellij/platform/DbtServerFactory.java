package dev.dbtls.intellij.platform;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerFactory;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import com.redhat.devtools.lsp4ij.server.StreamConnectionProvider;
import dev.dbtls.intellij.client.DbtLanguageServerApi;
import org.eclipse.lsp4j.services.LanguageServer;
import org.jetbrains.annotations.NotNull;

/**
 * LSP4IJ's entry point for the {@code dbtls} server (plugin.xml): how it starts, the client
 * that also takes {@code dbt/*} notifications, and the server interface with the {@code dbt/*}
 * requests, so the tool window's requests share the editor's connection.
 */
public final class DbtServerFactory implements LanguageServerFactory {
  /** The server's id in plugin.xml and LSP4IJ's settings. */
  public static final String SERVER_ID = "dbtls";

  @Override
  public @NotNull StreamConnectionProvider createConnectionProvider(@NotNull Project project) {
    return new DbtServerProcess(project);
  }

  @Override
  public @NotNull LanguageClientImpl createLanguageClient(@NotNull Project project) {
    return new DbtIdeClient(project);
  }

  @Override
  public @NotNull Class<? extends LanguageServer> getServerInterface() {
    return DbtLanguageServerApi.class;
  }
}
