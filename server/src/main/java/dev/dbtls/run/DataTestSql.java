package dev.dbtls.run;

import java.util.Map;

/**
 * The query dbt runs for a data test (its default {@code get_test_sql}): the test's rows counted
 * with {@code fail_calc} (default {@code count(*)}), compared with {@code warn_if} and {@code
 * error_if} (default {@code != 0}), the test's own query cut at {@code limit} when one is set.
 */
final class DataTestSql {
  private DataTestSql() {}

  static String of(String testSql, Map<String, Object> config) {
    String failCalc = text(config.get("fail_calc"), "count(*)");
    String limit = config.get("limit") == null ? "" : "\nlimit " + config.get("limit");
    return "select\n  "
        + failCalc
        + " as failures,\n  "
        + failCalc
        + " "
        + condition(config, "warn_if")
        + " as should_warn,\n  "
        + failCalc
        + " "
        + condition(config, "error_if")
        + " as should_error\nfrom (\n"
        + testSql.strip()
        + limit
        + "\n) dbt_internal_test";
  }

  /** {@code warn_if} or {@code error_if} as written, {@code != 0} when unset. */
  static String condition(Map<String, Object> config, String key) {
    return text(config.get(key), "!= 0");
  }

  private static String text(Object v, String fallback) {
    return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v).strip();
  }
}
