package dev.dbtls.intellij.platform;

import com.google.gson.JsonObject;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.ServerStatus;
import com.redhat.devtools.lsp4ij.client.LanguageClientImpl;
import dev.dbtls.intellij.client.BenchmarkNotifications;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.DbtClient;
import org.jetbrains.annotations.NotNull;

/**
 * LSP4IJ's client for dbtls: standard LSP as LSP4IJ does it, plus {@code dbt/benchmarkFinished}
 * (LSP4J finds it on {@link DbtClient}) handed to the client module's
 * {@link BenchmarkNotifications}, where the tool window's benchmark jobs listen. The {@code dbtls} settings it answers come from
 * the settings page.
 */
final class DbtIdeClient extends LanguageClientImpl implements DbtClient {
  private final BenchmarkNotifications benchmarks = new BenchmarkNotifications();
  private final dev.dbtls.intellij.client.RunNotifications runs =
      new dev.dbtls.intellij.client.RunNotifications();

  DbtIdeClient(@NotNull Project project) {
    super(project);
    DbtSession.getInstance(project).connected(this);
  }

  /** Where the benchmark jobs of the client module wait for their end. */
  BenchmarkNotifications benchmarks() {
    return benchmarks;
  }

  @Override
  public void benchmarkFinished(BenchmarkStatus status) {
    benchmarks.finished(status);
  }

  /** Where the Run tab's runs hear their nodes. */
  dev.dbtls.intellij.client.RunNotifications runs() {
    return runs;
  }

  /** {@code dbt/runProgress}: to the run of the Run tab it belongs to. */
  @Override
  public void runProgress(dev.dbtls.protocol.RunNode node) {
    runs.progress(node);
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
