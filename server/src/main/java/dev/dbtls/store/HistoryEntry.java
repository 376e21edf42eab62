package dev.dbtls.store;

import java.time.Instant;
import java.util.Locale;

/**
 * One query run from the editor or the command line: a preview or ad-hoc SQL.
 *
 * @param id the store's id (0 for an entry not stored yet); larger is newer
 * @param projectDir the dbt project folder the query ran in
 * @param target the profile target's name (never its credentials)
 * @param adapter the adapter type, e.g. {@code duckdb}
 * @param sql the SQL as the user wrote it (Jinja included)
 * @param compiledSql the SQL sent to the warehouse; null when compiling failed
 * @param startedAt when the query started
 * @param durationMs how long it ran
 * @param rowCount rows returned; null when unknown (error, cancel)
 * @param status how it ended
 * @param error the error message; null unless {@code status} is {@link Status#ERROR}
 */
public record HistoryEntry(
    long id,
    String projectDir,
    String target,
    String adapter,
    String sql,
    String compiledSql,
    Instant startedAt,
    long durationMs,
    Long rowCount,
    Status status,
    String error) {

  /** How a query ended. */
  public enum Status {
    OK,
    ERROR,
    CANCELLED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** An entry to record (id 0). */
  public static HistoryEntry of(
      String projectDir,
      String target,
      String adapter,
      String sql,
      String compiledSql,
      Instant startedAt,
      long durationMs,
      Long rowCount,
      Status status,
      String error) {
    return new HistoryEntry(
        0,
        projectDir,
        target,
        adapter,
        sql,
        compiledSql,
        startedAt,
        durationMs,
        rowCount,
        status,
        error);
  }
}
