package dev.dbtls.intellij.platform;

import com.google.gson.JsonObject;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.ServerStatus;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import dev.dbtls.intellij.client.DbtLanguageClient;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.DbtClient;
import java.util.Map;
import org.jetbrains.annotations.NotNull;

/**
 * LSP4IJ's client for dbtls: standard LSP as LSP4IJ does it, plus {@code dbt/benchmarkFinished}
 * (LSP4J finds it on {@link DbtClient}) handed to the client module's {@link DbtLanguageClient},
 * where the tool window's benchmark jobs listen. The {@code dbtls} settings it answers come from
 * the settings page.
 */
final class DbtIdeClient extends LanguageClientImpl implements DbtClient {
  private final DbtLanguageClient relay = new DbtLanguageClient(Map.of());

  DbtIdeClient(@NotNull Project project) {
    super(project);
    DbtSession.getInstance(project).connected(this);
  }

  /** Where benchmark jobs and other listeners of the client module subscribe. */
  DbtLanguageClient relay() {
    return relay;
  }

  @Override
  public void benchmarkFinished(BenchmarkStatus status) {
    relay.benchmarkFinished(status);
  }

  /** {@code {"dbtls": {...}}}: what workspace/configuration and didChangeConfiguration carry. */
  @Override
  protected Object createSettings() {
    JsonObject root = new JsonObject();
    root.add("dbtls", DbtProjectSettings.getInstance(getProject()).serverSettings());
    return root;
  }

  @Override
  public void handleServerStatusChanged(@NotNull ServerStatus status) {
    if (status == ServerStatus.started) {
      triggerChangeConfiguration();
    }
  }
}
