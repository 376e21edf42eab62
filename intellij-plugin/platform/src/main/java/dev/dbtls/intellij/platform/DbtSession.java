package dev.dbtls.intellij.platform;

import com.intellij.openapi.components.Service;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerManager;
import dev.dbtls.intellij.client.DbtCalls;
import dev.dbtls.intellij.client.DbtLanguageServerApi;
import org.eclipse.lsp4j.services.LanguageServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The project's connection to dbtls as the tool window uses it: {@link DbtCalls} over the server
 * LSP4IJ started (starting it if needed), with the client that receives its notifications.
 */
@Service(Service.Level.PROJECT)
public final class DbtSession {
  private final Project project;
  private volatile DbtIdeClient client;

  public DbtSession(Project project) {
    this.project = project;
  }

  public static DbtSession getInstance(Project project) {
    return project.getService(DbtSession.class);
  }

  void connected(DbtIdeClient client) {
    this.client = client;
  }

  /** The settings page changed target or vars: the server is told (it reloads its projects). */
  void settingsChanged() {
    DbtIdeClient c = client;
    if (c != null) {
      c.triggerChangeConfiguration();
    }
  }

  /** The {@code dbt/*} calls once the server is up; fails with a message a user can read. */
  public CompletableFuture<DbtCalls> calls() {
    return LanguageServerManager.getInstance(project).getLanguageServer(DbtServerFactory.SERVER_ID)
        .thenCompose(item -> item == null
            ? CompletableFuture.<LanguageServer>failedFuture(new IllegalStateException(
                "dbtls is not running: open a file of a dbt project, or see the LSP console"))
            : item.getInitializedServer())
        .thenApply(server -> {
          DbtIdeClient c = client;
          if (!(server instanceof DbtLanguageServerApi api) || c == null) {
            throw new CompletionException(new IllegalStateException("dbtls did not start"));
          }
          return new DbtCalls(api, c.benchmarks(), c.runs());
        });
  }
}
