package dev.dbtls.warehouse;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread for query timeouts and closing expired cursors. */
final class Timers {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dbtls-warehouse-timer");
            t.setDaemon(true);
            return t;
          });

  private Timers() {}

  static ScheduledFuture<?> after(long millis, Runnable task) {
    return TIMER.schedule(safe(task), millis, TimeUnit.MILLISECONDS);
  }

  static ScheduledFuture<?> every(long millis, Runnable task) {
    return TIMER.scheduleWithFixedDelay(safe(task), millis, millis, TimeUnit.MILLISECONDS);
  }

  private static Runnable safe(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // a failed timer task must not stop the timer thread
      }
    };
  }
}
