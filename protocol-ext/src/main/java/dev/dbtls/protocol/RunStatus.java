package dev.dbtls.protocol;

/**
 * Where a node of a run is ({@code running}) or how it ended, in dbt's words: {@code success} (a
 * model, seed or snapshot was built), {@code pass}, {@code warn}, {@code fail} (a test found
 * failures above its {@code error_if}), {@code error} (it could not compile or run), {@code
 * skipped} (a parent did not succeed, fail-fast, or a cancel).
 */
public enum RunStatus {
  RUNNING,
  SUCCESS,
  PASS,
  WARN,
  FAIL,
  ERROR,
  SKIPPED
}
