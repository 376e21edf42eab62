package dev.dbtls.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Waits for a condition that another thread or process makes true, polling until a deadline: the
 * one way tests wait for something that sends no signal (a file written, a rebuilt answer).
 */
public final class Eventually {
  private static final long PAUSE_MS = 20;

  private Eventually() {}

  /** Whether {@code condition} held before {@code limit} passed (asked at least once). */
  public static boolean within(Duration limit, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (condition.call()) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(PAUSE_MS);
    }
  }

  /** Fails with {@code message} unless {@code condition} holds before {@code limit} passed. */
  public static void await(Duration limit, Callable<Boolean> condition, Supplier<String> message)
      throws Exception {
    if (!within(limit, condition)) {
      throw new AssertionError(message.get() + " (waited " + limit.toMillis() + " ms)");
    }
  }
}
