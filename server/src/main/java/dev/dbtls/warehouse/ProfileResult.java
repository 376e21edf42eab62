package dev.dbtls.warehouse;

import java.util.List;

/** The column profiles of a query's whole result, or one error. */
public record ProfileResult(
    long rows, List<ColumnProfile> columns, long millis, WarehouseError error) {

  static ProfileResult failed(WarehouseError error, long millis) {
    return new ProfileResult(0, List.of(), millis, error);
  }

  public boolean ok() {
    return error == null;
  }
}
