package dev.dbtls.warehouse;

import java.util.List;
import java.util.Map;

/**
 * A query plan: {@code raw} is the plan as the warehouse returned it (JSON text, or SQLite's plan
 * rows as {@code id parent detail} lines); {@code root} the normalized tree, null where dbtls does
 * not read the warehouse's plan or on failure. {@code sql} is what ran. {@code tableRows}: the row
 * counts of the tables the plan reads, from the warehouse's statistics, by {@code schema.table}
 * (empty where unknown); {@code findings}: what looks wrong in the plan.
 */
public record ExplainResult(
    PlanNode root,
    String raw,
    boolean analyzed,
    String sql,
    long millis,
    WarehouseError error,
    Map<String, Double> tableRows,
    List<Finding> findings) {
  public ExplainResult {
    tableRows =
        tableRows == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tableRows));
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  public boolean ok() {
    return error == null;
  }

  static ExplainResult failed(WarehouseError error, String sql, boolean analyze, long millis) {
    return new ExplainResult(null, null, analyze, sql, millis, error, Map.of(), List.of());
  }
}
