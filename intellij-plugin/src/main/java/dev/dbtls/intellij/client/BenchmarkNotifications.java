package dev.dbtls.intellij.client;

import dev.dbtls.protocol.BenchmarkStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where {@code dbt/benchmarkFinished} notifications go: the client object that receives them calls
 * {@link #finished}; running {@link BenchmarkJob}s listen. {@link DbtLanguageClient} has one; under
 * LSP4IJ the plugin's {@code LanguageClientImpl} subclass holds one the same way.
 */
public final class BenchmarkNotifications {
  private final List<Consumer<BenchmarkStatus>> listeners = new CopyOnWriteArrayList<>();

  public void listen(Consumer<BenchmarkStatus> listener) {
    listeners.add(listener);
  }

  public void stopListening(Consumer<BenchmarkStatus> listener) {
    listeners.remove(listener);
  }

  /** A job ended: every listener hears it. */
  public void finished(BenchmarkStatus status) {
    listeners.forEach(l -> l.accept(status));
  }
}
