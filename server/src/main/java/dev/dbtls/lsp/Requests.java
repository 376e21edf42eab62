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
    ready.whenCompleteAsync(
        (value, failure) -> {
          if (answer.isDone()) {
            return; // cancelled while it waited
          }
          try {
            answer.complete(
                Cancellation.run(
                    answer::isCancelled, () -> work.apply(failure == null ? value : null)));
          } catch (RuntimeException | Error e) {
            answer.completeExceptionally(e);
          }
        },
        features);
    return answer;
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
