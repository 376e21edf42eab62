package dev.dbtls.protocol;

/**
 * Where a benchmark is: {@code running}; or how it ended: {@code ok}, {@code error}, {@code
 * cancelled}, or {@code stopped} (its time budget ran out).
 */
public enum BenchmarkState {
  RUNNING,
  OK,
  ERROR,
  CANCELLED,
  STOPPED;

  /** The state named by its wire word, or {@code ERROR} for a word it does not know. */
  public static BenchmarkState of(String wire) {
    for (BenchmarkState s : values()) {
      if (WireEnum.wire(s).equals(wire)) {
        return s;
      }
    }
    return ERROR;
  }
}
