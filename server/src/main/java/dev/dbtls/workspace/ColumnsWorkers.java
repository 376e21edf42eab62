package dev.dbtls.workspace;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads column inference runs on, made by their owner (the workspace, for all its projects)
 * and closed with it: one thread that runs inferences one at a time, a pool as wide as the machine
 * for each wave's models, and one thread for the cache files' reads and writes. All at the lowest
 * priority and daemons: they never keep the process alive.
 */
final class ColumnsWorkers implements AutoCloseable {
  final ExecutorService background =
      Executors.newSingleThreadExecutor(r -> thread(r, "dbtls-columns"));
  private final java.util.concurrent.atomic.AtomicInteger workers =
      new java.util.concurrent.atomic.AtomicInteger();

  // each worker its own name (the pool's index of a worker is not known yet when it is made: every
  // one was called dbtls-columns-0, which hid in profiles that two threads infer)
  final ForkJoinPool pool =
      new ForkJoinPool(
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          p -> {
            var w = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            w.setName("dbtls-columns-" + workers.getAndIncrement());
            w.setDaemon(true);
            w.setPriority(Thread.MIN_PRIORITY);
            return w;
          },
          null,
          false);
  final ScheduledExecutorService io =
      Executors.newSingleThreadScheduledExecutor(r -> thread(r, "dbtls-columns-cache"));

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  }

  @Override
  public void close() {
    background.shutdownNow();
    pool.shutdownNow();
    io.shutdown(); // a write under way ends: a half-written cache file is never renamed into place
  }
}
