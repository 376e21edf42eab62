package dev.dbtls.warehouse;

import java.util.List;

/**
 * A page of rows.
 *
 * @param hasMore more rows can be fetched with {@code cursor}
 * @param truncated the query had more rows than the row limit let through
 * @param cursor fetches the next page while {@code hasMore}; null otherwise (already closed)
 */
public record PreviewPage(
    List<List<Object>> rows,
    boolean hasMore,
    boolean truncated,
    String cursor,
    WarehouseError error) {

  static PreviewPage failed(WarehouseError error) {
    return new PreviewPage(List.of(), false, false, null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
