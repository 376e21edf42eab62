package dev.dbtls.warehouse;

import java.util.List;

/**
 * What a preview answers: typed columns and the first page of rows, or one error.
 *
 * @param sql the statement as sent to the database (with its row limit)
 * @param updateCount rows a write changed (only with allowWrites); -1 for queries
 * @param millis time until the first page was read
 * @param cursor fetches further pages while {@code hasMore}
 * @param bytesScanned what the engine's dry run said the query scans (BigQuery); null elsewhere
 */
public record PreviewResult(
    List<PreviewColumn> columns,
    List<List<Object>> rows,
    boolean hasMore,
    boolean truncated,
    String cursor,
    long updateCount,
    String sql,
    long millis,
    WarehouseError error,
    Long bytesScanned) {

  static PreviewResult failed(WarehouseError error, String sql, long millis) {
    return new PreviewResult(
        List.of(), List.of(), false, false, null, -1, sql, millis, error, null);
  }

  public boolean ok() {
    return error == null;
  }

  /** The same result, with the bytes the engine's dry run said the query scans. */
  PreviewResult withBytesScanned(long bytes) {
    return new PreviewResult(
        columns, rows, hasMore, truncated, cursor, updateCount, sql, millis, error, bytes);
  }
}
