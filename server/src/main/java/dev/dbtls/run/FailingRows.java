package dev.dbtls.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows a failing (or warning) data test found, for the editor to show beside its failure:
 * dbt prints only their count; a user wants to see them. Read with one more query, only when a test
 * did not pass: the test's own query (or its {@code store_failures} table) cut at {@link #SHOWN}
 * rows, one more asked to know there are more. Values are JSON scalars: numbers and booleans as
 * they are, anything else as its text.
 *
 * @param more the test found more rows than these
 */
public record FailingRows(List<String> columns, List<List<Object>> rows, boolean more) {
  /** How many rows are kept. */
  public static final int SHOWN = 20;

  public FailingRows {
    columns = columns == null ? List.of() : List.copyOf(columns);
    rows = rows == null ? List.of() : rows;
  }

  /** The query reading the first rows of a test's query (or of {@code select * from table}). */
  static String sql(String testSql) {
    return "select * from (\n" + testSql.strip() + "\n) dbt_failing_rows\nlimit " + (SHOWN + 1);
  }

  /** Rows as fetched (at most one more than shown), each value made a JSON scalar. */
  static FailingRows of(List<String> columns, List<List<Object>> fetched) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : fetched.subList(0, Math.min(SHOWN, fetched.size()))) {
      List<Object> out = new ArrayList<>(row.size());
      for (Object v : row) {
        out.add(v == null || v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
      }
      rows.add(java.util.Collections.unmodifiableList(out));
    }
    return new FailingRows(columns, List.copyOf(rows), fetched.size() > SHOWN);
  }
}
