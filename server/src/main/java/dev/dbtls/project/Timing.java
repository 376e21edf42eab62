package dev.dbtls.project;

/**
 * With {@code -Ddbtls.timing=true}, marks on stderr of when each step of a command ended, counted
 * from the JVM's start, and how long it took since the mark before it on the same thread. For
 * finding where a command's time goes (benchmarks in the README); silent otherwise.
 */
public final class Timing {
  public static final boolean ON = Boolean.getBoolean("dbtls.timing");

  private static final long START =
      ON ? ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L) : 0;
  private static final ThreadLocal<long[]> LAST = ThreadLocal.withInitial(() -> new long[1]);

  private Timing() {}

  /**
   * Marks the start of the next step on this thread, silently: a step that follows a wait (an
   * edit's update, after the editor's pause) is counted from here, not from the last mark.
   */
  public static void begin() {
    if (ON) {
      LAST.get()[0] = System.currentTimeMillis();
    }
  }

  /** Marks the end of {@code step} on this thread. */
  public static void mark(String step) {
    if (!ON) {
      return;
    }
    long now = System.currentTimeMillis();
    long[] last = LAST.get();
    long since = last[0] == 0 ? 0 : now - last[0];
    last[0] = now;
    System.err.printf(
        "dbtls timing: %-28s %6d ms (at %5d ms, %s)%n",
        step, since, now - START, Thread.currentThread().getName());
  }
}
