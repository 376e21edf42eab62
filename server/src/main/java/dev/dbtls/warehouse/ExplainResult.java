package dev.dbtls.warehouse;

/**
 * A query plan: {@code raw} is the plan as the warehouse returned it (JSON text, or SQLite's plan
 * rows as {@code id parent detail} lines); {@code root} the normalized tree, null where dbtls does
 * not read the warehouse's plan yet (MySQL, MariaDB) or on failure. {@code sql} is what ran.
 */
public record ExplainResult(PlanNode root, String raw, boolean analyzed, String sql, long millis,
    WarehouseError error) {
  public boolean ok() {
    return error == null;
  }

  static ExplainResult failed(WarehouseError error, String sql, boolean analyze, long millis) {
    return new ExplainResult(null, null, analyze, sql, millis, error);
  }
}
