package dev.dbtls.lsp;

import dev.dbtls.ide.Cancellation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Where requests run. Editor features (completion, hover, ...) run on their own small pool, and
 * warehouse requests (preview, explain, benchmark, catalog: blocking JDBC) on another, so slow
 * queries can never starve the features a user waits for while typing. LSP4J's message thread only
 * reads the request and hands it over; nothing here blocks it.
 */
final class Requests implements AutoCloseable {
  /** How long a request waits for its project's first load before answering from what there is. */
  static final long FIRST_LOAD_WAIT_SECONDS = 60;

  private final ExecutorService features =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()), named("dbtls-feature"));
  private final ExecutorService warehouse = Executors.newCachedThreadPool(named("dbtls-warehouse"));

  /**
   * One per feature request queued or running: done once it is answered (see {@link #answered}).
   */
  private final java.util.Set<CompletableFuture<Void>> running =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  ExecutorService warehouse() {
    return warehouse;
  }

  ExecutorService features() {
    return features;
  }

  /**
   * {@code work} on a feature thread once {@code ready} completes (at most {@link
   * #FIRST_LOAD_WAIT_SECONDS}; then with null), under a {@link Cancellation} that follows the
   * returned future: LSP4J cancels it on {@code $/cancelRequest} and answers {@code
   * RequestCancelled}, also while the request still waits for its project.
   */
  <A, T> CompletableFuture<T> after(CompletableFuture<A> ready, Function<A, T> work) {
    return when(
        ready.copy().completeOnTimeout(null, FIRST_LOAD_WAIT_SECONDS, TimeUnit.SECONDS), work);
  }

  /**
   * As {@link #after}, waiting for {@code built} however long it takes (a rebuild the answer must
   * include): requests that wait for one build run on the feature threads once it ends, and a
   * request cancelled meanwhile does no work.
   */
  <A, T> CompletableFuture<T> afterBuild(CompletableFuture<A> built, Function<A, T> work) {
    return when(built, work);
  }

  private <A, T> CompletableFuture<T> when(CompletableFuture<A> ready, Function<A, T> work) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    ready.whenComplete(
        (value, failure) -> {
          if (answer.isDone()) {
            return; // cancelled while it waited
          }
          // counted from here, on the thread that completed what it waited for (a build's, when
          // it waited for the project's first load), so that build's background work sees it
          CompletableFuture<Void> sent = new CompletableFuture<>();
          running.add(sent);
          sent.whenComplete((v, f) -> running.remove(sent));
          answer.whenComplete(
              (v, f) -> {
                if (answer.isCancelled()) {
                  sent.complete(null);
                }
              });
          try {
            features.execute(
                () -> {
                  try {
                    answer(answer, work, failure == null ? value : null);
                  } finally {
                    sent.complete(null); // after the answer's own followers: it was written
                  }
                });
          } catch (java.util.concurrent.RejectedExecutionException e) {
            answer.completeExceptionally(e); // the server shuts down
            sent.complete(null);
          }
        });
    return answer;
  }

  private static <A, T> void answer(CompletableFuture<T> answer, Function<A, T> work, A value) {
    if (answer.isDone()) {
      return; // cancelled while it was queued
    }
    try {
      answer.complete(Cancellation.run(answer::isCancelled, () -> work.apply(value)));
    } catch (RuntimeException | Error e) {
      answer.completeExceptionally(e);
    }
  }

  /**
   * Completes once the feature requests queued or running now are answered (their answers handed to
   * the connection) or cancelled: the background work after a build waits for it, so that the
   * answers an editor waited for do not share the two cores with that work.
   */
  CompletableFuture<Void> answered() {
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
  }

  /** {@code work} on a feature thread now. */
  <T> CompletableFuture<T> now(java.util.function.Supplier<T> work) {
    return after(CompletableFuture.completedFuture(null), ignored -> work.get());
  }

  @Override
  public void close() {
    features.shutdownNow();
    warehouse.shutdownNow();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
