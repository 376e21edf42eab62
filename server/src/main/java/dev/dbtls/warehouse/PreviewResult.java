package dev.dbtls.warehouse;

import java.util.List;

/**
 * What a preview answers: typed columns and the first page of rows, or one error.
 *
 * @param sql the statement as sent to the database (with its row limit)
 * @param updateCount rows a write changed (only with allowWrites); -1 for queries
 * @param millis time until the first page was read
 * @param cursor fetches further pages while {@code hasMore}
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
    WarehouseError error) {

  static PreviewResult failed(WarehouseError error, String sql, long millis) {
    return new PreviewResult(List.of(), List.of(), false, false, null, -1, sql, millis, error);
  }

  public boolean ok() {
    return error == null;
  }
}
