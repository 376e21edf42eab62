package dev.dbtls.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The row limit in each dialect's words; Trino keeps a query's own ORDER BY only inside. */
class RowLimitTest {
  @Test
  void trinoKeepsTheQuerysOrderByWithTheLimitInside() {
    String sql = "select a from t order by a desc -- newest first";
    assertEquals(
        "select * from (\n" + sql + "\nlimit 11\n) as q", RowLimit.wrap("trino", sql, 11, "q"));
    assertEquals(
        "select * from (\nselect a from t\n) as q limit 11",
        RowLimit.wrap("trino", "select a from t", 11, "q"));
    assertEquals(
        "select * from (\nselect a from t\n) as q limit 11",
        RowLimit.wrap("postgres", "select a from t", 11, "q"));
  }

  @Test
  void onlyATopLevelOrderByWithoutALimitCounts() {
    assertTrue(RowLimit.endsWithOrderBy("select a from t order by 1"));
    assertFalse(RowLimit.endsWithOrderBy("select a from t order by 1 limit 5"));
    assertFalse(
        RowLimit.endsWithOrderBy("select a from t order by 1 offset 2 fetch first 3 rows only"));
    assertFalse(RowLimit.endsWithOrderBy("select * from (select a from t order by a) x"));
    assertFalse(RowLimit.endsWithOrderBy("select row_number() over (order by a) from t"));
    assertFalse(RowLimit.endsWithOrderBy("select 'order by' from t"));
  }
}
