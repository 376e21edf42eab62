package dev.dbtls.benchmark;

/**
 * One measured run of a variant: the wall time from execute to the last row read ({@code
 * System.nanoTime}), the rows fetched, and the round it ran in. A run that was cancelled or failed
 * is kept with its status and the time until then; only OK runs count in the stats.
 */
public record Run(int round, double millis, long rows, Status status) {
  /** How a run ended. */
  public enum Status {
    OK,
    FAILED,
    CANCELLED
  }
}
