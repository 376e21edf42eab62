package dev.dbtls.run;

import java.time.Instant;
import java.util.Map;

/**
 * How one node of a run ended, in dbt's words. A data test: {@code pass}, {@code warn}, {@code
 * fail} (its query ran and found failures above {@code error_if}); a model, seed or snapshot:
 * {@code success}; any node: {@code error} (it could not compile or run) or {@code skipped} (a
 * parent failed, a fail-fast run stopped, or the run was cancelled). With its failure count
 * (tests), the adapter's response (rows affected, the statement's word), the relation it built,
 * dbt's message, and its compile and execute timings; a failing test's first rows, where they were
 * read ({@link FailingRows}).
 */
public record NodeResult(
    String uniqueId,
    String name,
    Status status,
    long failures,
    String message,
    String compiledSql,
    Instant compileStarted,
    Instant executeStarted,
    Instant completed,
    String thread,
    Map<String, Object> adapterResponse,
    String relationName,
    FailingRows failingRows,
    Diff diff) {

  public NodeResult {
    adapterResponse = adapterResponse == null ? Map.of() : Map.copyOf(adapterResponse);
  }

  /**
   * A failed unit test's rows as text, expected and actual, header first and rows in one order, for
   * a client's diff view.
   */
  public record Diff(String expected, String actual) {}

  /** A node's result with neither failing rows nor a unit test diff. */
  public NodeResult(
      String uniqueId,
      String name,
      Status status,
      long failures,
      String message,
      String compiledSql,
      Instant compileStarted,
      Instant executeStarted,
      Instant completed,
      String thread,
      Map<String, Object> adapterResponse,
      String relationName) {
    this(
        uniqueId,
        name,
        status,
        failures,
        message,
        compiledSql,
        compileStarted,
        executeStarted,
        completed,
        thread,
        adapterResponse,
        relationName,
        null,
        null);
  }

  /** This result with the first rows its test found. */
  public NodeResult withFailingRows(FailingRows rows) {
    return new NodeResult(
        uniqueId,
        name,
        status,
        failures,
        message,
        compiledSql,
        compileStarted,
        executeStarted,
        completed,
        thread,
        adapterResponse,
        relationName,
        rows,
        diff);
  }

  /** A test that did not pass: its rows are worth reading. */
  public boolean foundRows() {
    return (status == Status.FAIL || status == Status.WARN) && failures > 0;
  }

  /** A data test's result: no adapter response, no relation. */
  public NodeResult(
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
    this(
        uniqueId,
        name,
        status,
        failures,
        message,
        compiledSql,
        compileStarted,
        executeStarted,
        completed,
        thread,
        Map.of(),
        null);
  }

  /** dbt's statuses of a test result. */
  public enum Status {
    SUCCESS,
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
