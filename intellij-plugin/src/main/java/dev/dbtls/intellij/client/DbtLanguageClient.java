package dev.dbtls.intellij.client;

import com.google.gson.Gson;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.DbtClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The editor's side of the connection, without UI: keeps the latest diagnostics per file, answers
 * the server's requests (progress tokens, the {@code dbtls} settings section), and hands messages,
 * progress and finished benchmarks to listeners the plugin sets. Under LSP4IJ the plugin's {@code
 * LanguageClientImpl} subclass forwards {@code dbt/benchmarkFinished} the same way.
 */
public class DbtLanguageClient implements LanguageClient, DbtClient {
  private final Map<String, PublishDiagnosticsParams> diagnostics = new ConcurrentHashMap<>();
  private final BenchmarkNotifications benchmarks = new BenchmarkNotifications();
  private final RunNotifications runs = new RunNotifications();
  private final List<Consumer<ProgressParams>> progressListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<MessageParams>> messageListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<dev.dbtls.protocol.RunNode>> runListeners =
      new CopyOnWriteArrayList<>();
  private volatile Map<String, Object> settings;

  /**
   * {@code settings}: the {@code dbtls} section (e.g. {@code target}, {@code vars}), as sent at
   * initialize.
   */
  public DbtLanguageClient(Map<String, Object> settings) {
    this.settings = Map.copyOf(settings);
  }

  public Map<String, Object> settings() {
    return settings;
  }

  /** New settings, answered from now on when the server pulls them. */
  public void settings(Map<String, Object> next) {
    this.settings = Map.copyOf(next);
  }

  /** Where {@code dbt/benchmarkFinished} goes: the running {@link BenchmarkJob}s listen there. */
  public BenchmarkNotifications benchmarks() {
    return benchmarks;
  }

  public void onProgress(Consumer<ProgressParams> listener) {
    progressListeners.add(listener);
  }

  /** showMessage and logMessage (warnings about settings, say). */
  public void onMessage(Consumer<MessageParams> listener) {
    messageListeners.add(listener);
  }

  /** The diagnostics last published for {@code uri}; null before any. */
  public PublishDiagnosticsParams diagnostics(String uri) {
    return diagnostics.get(uri);
  }

  @Override
  public void benchmarkFinished(BenchmarkStatus status) {
    benchmarks.finished(status);
  }

  /** {@code dbt/runProgress}: every listener, and the run started through {@link DbtCalls#run}. */
  @Override
  public void runProgress(dev.dbtls.protocol.RunNode node) {
    runListeners.forEach(l -> l.accept(node));
    runs.progress(node);
  }

  /** Where the runs of {@link DbtCalls#run} hear their nodes. */
  public RunNotifications runs() {
    return runs;
  }

  public void onRunProgress(Consumer<dev.dbtls.protocol.RunNode> listener) {
    runListeners.add(listener);
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void notifyProgress(ProgressParams params) {
    progressListeners.forEach(l -> l.accept(params));
  }

  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
    Object section = new Gson().toJsonTree(settings);
    return CompletableFuture.completedFuture(
        params.getItems().stream()
            .map(i -> "dbtls".equals(i.getSection()) ? section : null)
            .toList());
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    diagnostics.put(params.getUri(), params);
  }

  @Override
  public void showMessage(MessageParams params) {
    messageListeners.forEach(l -> l.accept(params));
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams params) {
    messageListeners.forEach(l -> l.accept(params));
  }
}
