package dev.dbtls.intellij.client;

import dev.dbtls.protocol.BenchmarkStarted;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.BenchmarkStatusParams;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A running {@code dbt/benchmark} job: what it compares, its status now ({@link #poll}), cancel,
 * and {@link #finished} — completed by the server's {@code dbt/benchmarkFinished} notification, or
 * by a poll that sees the job ended (a client that missed the notification loses nothing).
 */
public final class BenchmarkJob {
  private final DbtLanguageServerApi server;
  private final BenchmarkNotifications notifications;
  private final BenchmarkStarted started;
  private final CompletableFuture<BenchmarkStatus> finished = new CompletableFuture<>();
  private final Consumer<BenchmarkStatus> listener;

  BenchmarkJob(
      DbtLanguageServerApi server, BenchmarkNotifications notifications, BenchmarkStarted started) {
    this.server = server;
    this.notifications = notifications;
    this.started = started;
    this.listener =
        s -> {
          if (started.id() != null && started.id().equals(s.id())) {
            end(s);
          }
        };
    if (started.id() == null) {
      finished.complete(
          new BenchmarkStatus(
              null,
              dev.dbtls.protocol.BenchmarkState.ERROR,
              0,
              0,
              started.error() == null ? "the benchmark did not start" : started.error().message(),
              null));
    } else {
      notifications.listen(listener);
    }
  }

  public BenchmarkStarted started() {
    return started;
  }

  /** The job's end: its last status with the report (state ok, error, cancelled or stopped). */
  public CompletableFuture<BenchmarkStatus> finished() {
    return finished;
  }

  /**
   * {@code dbt/benchmarkStatus}: done of total runs now; completes {@link #finished} when it has
   * ended.
   */
  public CompletableFuture<BenchmarkStatus> poll() {
    return server
        .benchmarkStatus(new BenchmarkStatusParams(started.id()))
        .thenApply(
            s -> {
              if (s != null && s.state() != dev.dbtls.protocol.BenchmarkState.RUNNING) {
                end(s);
              }
              return s;
            });
  }

  /** {@code dbt/benchmarkCancel}: the job stops; nothing stays in the warehouse. */
  public CompletableFuture<BenchmarkStatus> cancel() {
    return server.benchmarkCancel(new BenchmarkStatusParams(started.id()));
  }

  private void end(BenchmarkStatus status) {
    notifications.stopListening(listener);
    finished.complete(status);
  }
}
