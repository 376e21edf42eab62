package dev.dbtls.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A seed's CSV as a build loads it ({@code load_agate_table()}): the header, each column's SQL type
 * (the seed's {@code column_types}, else as dbt infers it), the rows (an empty cell is null) and
 * the names as the statements write them ({@code quote_columns}, true unless set).
 */
public record SeedTable(
    List<String> names, List<String> quotedNames, List<String> types, List<List<Object>> rows)
    implements PyObject {

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "column_names" -> new ArrayList<Object>(names);
      case "column_types" -> new ArrayList<Object>(types);
      case "quoted_column_names" -> new ArrayList<Object>(quotedNames);
      case "rows" -> new ArrayList<Object>(rows);
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return "print_table".equals(method) ? "" : MISSING;
  }

  @Override
  public String toString() {
    return "<agate.Table " + names + " " + rows.size() + " rows>";
  }
}
