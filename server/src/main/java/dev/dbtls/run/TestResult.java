package dev.dbtls.run;

import java.time.Instant;

/**
 * How one data test ended, in dbt's words: {@code pass}, {@code warn}, {@code fail} (its query ran
 * and found failures above {@code error_if}), {@code error} (it could not compile or run) or {@code
 * skipped} (a fail-fast run stopped first); its failure count, dbt's message, and its compile and
 * execute timings.
 */
public record TestResult(
    String uniqueId,
    String name,
    Status status,
    long failures,
    String message,
    String compiledSql,
    Instant compileStarted,
    Instant executeStarted,
    Instant completed,
    String thread) {

  /** dbt's statuses of a test result. */
  public enum Status {
    PASS,
    WARN,
    FAIL,
    ERROR,
    SKIPPED;

    /** As run_results.json writes it. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Seconds from compile to completion. */
  public double seconds() {
    if (compileStarted == null || completed == null) {
      return 0;
    }
    return java.time.Duration.between(compileStarted, completed).toNanos() / 1e9;
  }
}
