package dev.dbtls.warehouse.findings;

import java.util.Map;

/**
 * What a rule knows besides the step: the warehouse's dialect (postgres, duckdb, mariadb, mysql,
 * sqlite), the tables' row counts by {@code schema.table} (may be empty), whether the plan was
 * analyzed, and how many processes share a parallel step's estimated rows.
 */
record PlanScope(
    String dialect, Map<String, Double> tableRows, boolean analyzed, double processes) {
  boolean mysql() {
    return dialect.equals("mariadb") || dialect.equals("mysql");
  }
}
