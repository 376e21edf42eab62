package dev.dbtls.intellij.client;

import dev.dbtls.protocol.RunNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where {@code dbt/runProgress} notifications go: the client object that receives them calls {@link
 * #progress}; a run started through {@link DbtCalls#run} listens to its own run id (the client
 * names its runs), so the Run tab shows nodes as they run. {@link DbtLanguageClient} has one; under
 * LSP4IJ the plugin's client holds one the same way.
 */
public final class RunNotifications {
  private final Map<String, Consumer<RunNode>> byRun = new ConcurrentHashMap<>();

  /** Hears the nodes of run {@code runId} until {@link #stopListening}. */
  public void listen(String runId, Consumer<RunNode> listener) {
    byRun.put(runId, listener);
  }

  public void stopListening(String runId) {
    byRun.remove(runId);
  }

  /** A node of a run started or ended: the run's listener hears it. */
  public void progress(RunNode node) {
    Consumer<RunNode> l = node == null || node.runId() == null ? null : byRun.get(node.runId());
    if (l != null) {
      l.accept(node);
    }
  }
}
