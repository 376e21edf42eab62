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
 * @param origin who ran it: {@link #EDITOR} (the editor and the command line) or {@link #MCP} (an
 *     agent through {@code dbtls mcp})
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
    String error,
    String origin) {
  public static final String EDITOR = "editor";
  public static final String MCP = "mcp";

  public HistoryEntry {
    origin = origin == null ? EDITOR : origin;
  }

  /** An entry of the editor or the command line. */
  public HistoryEntry(
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
    this(
        id,
        projectDir,
        target,
        adapter,
        sql,
        compiledSql,
        startedAt,
        durationMs,
        rowCount,
        status,
        error,
        EDITOR);
  }

  /** This entry, run by {@code who}. */
  public HistoryEntry withOrigin(String who) {
    return new HistoryEntry(
        id,
        projectDir,
        target,
        adapter,
        sql,
        compiledSql,
        startedAt,
        durationMs,
        rowCount,
        status,
        error,
        who);
  }

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
