package dev.dbtls.protocol;

/**
 * Where a node of a run is ({@code running}) or how it ended, in dbt's words: {@code pass}, {@code
 * warn}, {@code fail} (a test found failures above its {@code error_if}), {@code error} (it could
 * not compile or run), {@code skipped}.
 */
public enum RunStatus {
  RUNNING,
  PASS,
  WARN,
  FAIL,
  ERROR,
  SKIPPED
}
