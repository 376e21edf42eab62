package dev.dbtls.intellij.views;

import java.util.function.LongSupplier;

/** How long something has run: counts from {@link #start} and stops at {@link #stop}. */
public final class Elapsed {
  private final LongSupplier nanos;
  private long started = -1;
  private long stopped = -1;

  public Elapsed() {
    this(System::nanoTime);
  }

  /** With its own clock (nanoseconds), for tests. */
  public Elapsed(LongSupplier nanos) {
    this.nanos = nanos;
  }

  public void start() {
    started = nanos.getAsLong();
    stopped = -1;
  }

  public void stop() {
    if (running()) {
      stopped = nanos.getAsLong();
    }
  }

  public boolean running() {
    return started >= 0 && stopped < 0;
  }

  public long millis() {
    if (started < 0) {
      return 0;
    }
    return ((stopped >= 0 ? stopped : nanos.getAsLong()) - started) / 1_000_000;
  }

  /** "850 ms", "12.3 s", "2 min 5 s". */
  public static String format(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return millis / 60_000 + " min " + (millis % 60_000) / 1000 + " s";
  }
}
