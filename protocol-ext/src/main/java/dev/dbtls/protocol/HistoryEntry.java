package dev.dbtls.protocol;

/**
 * One query run: SQL as written and as compiled, where, when, how long, how many rows, how it
 * ended.
 */
public record HistoryEntry(
    long id,
    String project,
    String target,
    String adapter,
    String sql,
    String compiledSql,
    String startedAt,
    long durationMs,
    Long rowCount,
    String status,
    String error) {}
