package dev.dbtls.warehouse;

/**
 * Wraps a query so that the database returns at most a number of rows, in the dialect's words:
 * {@code limit n} for DuckDB, PostgreSQL, MySQL/MariaDB, SQLite, Snowflake, BigQuery, Trino,
 * Databricks; {@code top (n)} for SQL Server; {@code fetch first n rows only} for Oracle (whose
 * table aliases take no {@code as}). The query goes on its own lines so that a trailing {@code --}
 * comment cannot swallow the closing bracket.
 */
final class RowLimit {
  private RowLimit() {}

  /** Engines that keep a subquery's order only with its own LIMIT. */
  private static final java.util.Set<String> INNER_ORDER_DROPPED =
      java.util.Set.of("trino", "snowflake", "bigquery", "databricks", "spark");

  /** {@code sql} with at most {@code rows} rows; {@code rows <= 0}: wrapped, not limited. */
  static String wrap(String sqlType, String sql, long rows, String alias) {
    String inner = "(\n" + sql + "\n)";
    if (rows <= 0) {
      return "select * from " + inner + alias(sqlType, alias);
    }
    if (INNER_ORDER_DROPPED.contains(sqlType) && endsWithOrderBy(sql)) {
      // these engines may drop (Trino: do drop) the ORDER BY of a subquery without a LIMIT:
      // the limit goes inside
      return "select * from (\n" + sql + "\nlimit " + rows + "\n)" + alias(sqlType, alias);
    }
    return switch (sqlType) {
      case "sqlserver" -> "select top (" + rows + ") * from " + inner + alias(sqlType, alias);
      case "oracle" ->
          "select * from " + inner + alias(sqlType, alias) + " fetch first " + rows + " rows only";
      default -> "select * from " + inner + alias(sqlType, alias) + " limit " + rows;
    };
  }

  /**
   * Whether the query's last clause at its top level is an ORDER BY (no LIMIT, OFFSET or FETCH).
   */
  static boolean endsWithOrderBy(String sql) {
    java.util.List<dev.dbtls.sql.SqlToken> tokens =
        dev.dbtls.sql.SqlLexer.lex(sql, dev.dbtls.sql.SqlDialect.of("trino").orElseThrow());
    int depth = 0;
    boolean orderBy = false;
    for (dev.dbtls.sql.SqlToken t : tokens) {
      if (t.isPunct('(')) {
        depth++;
      } else if (t.isPunct(')')) {
        depth--;
      } else if (depth == 0 && t.is("order")) {
        orderBy = true;
      } else if (depth == 0 && (t.is("limit") || t.is("offset") || t.is("fetch"))) {
        orderBy = false;
      }
    }
    return orderBy;
  }

  /** The query's columns without its rows. */
  static String noRows(String sqlType, String sql, String alias) {
    return "select * from (\n" + sql + "\n)" + alias(sqlType, alias) + " where 1 = 0";
  }

  static String alias(String sqlType, String alias) {
    return sqlType.equals("oracle") ? " " + alias : " as " + alias;
  }
}
