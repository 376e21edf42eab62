package dev.dbtls.ide;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The editor's requests under way, so that background work gives way to them: column inference of a
 * large project keeps both cores busy for seconds after a start, and a completion that shares the
 * cores with it (and with the garbage its allocations make) took ten times as long. Java's thread
 * priorities do nothing on Linux, so the background steps aside itself: between two models it waits
 * while a request runs, for at most a bound, so that it always progresses.
 */
public final class EditorRequests {
  private static final AtomicInteger RUNNING = new AtomicInteger();

  private EditorRequests() {}

  /** Runs one request's work, counted as under way while it runs. */
  static <T> T serve(Supplier<T> work) {
    RUNNING.incrementAndGet();
    try {
      return work.get();
    } finally {
      RUNNING.decrementAndGet();
    }
  }

  /** Whether a request is under way now. */
  static boolean busy() {
    return RUNNING.get() > 0;
  }

  /** Background work between two steps: waits while a request runs, at most {@code maxMillis}. */
  public static void giveWay(long maxMillis) {
    if (RUNNING.get() == 0) {
      return;
    }
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    while (RUNNING.get() > 0 && System.nanoTime() - end < 0) {
      LockSupport.parkNanos(100_000);
    }
  }
}
