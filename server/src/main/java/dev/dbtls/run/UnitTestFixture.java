package dev.dbtls.run;

import dev.dbtls.project.properties.UnitTestSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A unit test's rows, whatever their format (dict rows, CSV text, a CSV fixture file), and the
 * query dbt makes of them: one {@code select cast(value as type) as column, ...} per row, joined by
 * {@code union all}, every column of the relation there (those the rows leave out as typed nulls).
 * A {@code sql} fixture is its query as written.
 */
record UnitTestFixture(List<String> columns, List<Map<String, Object>> rows, String sql) {

  /** Thrown for a fixture dbt would refuse; its message says why. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** The fixture's rows or query; {@code fileText} is the fixture file's text when it names one. */
  static UnitTestFixture of(UnitTestSpec.Fixture f, String fileText) {
    String text = f.fixture() != null ? fileText : f.text();
    if (f.format().equals(UnitTestSpec.SQL)) {
      return new UnitTestFixture(List.of(), List.of(), text == null ? "" : text.strip());
    }
    if (f.format().equals(UnitTestSpec.CSV) || (f.fixture() != null && text != null)) {
      return csv(text == null ? "" : text);
    }
    Set<String> columns = new LinkedHashSet<>();
    f.rows().forEach(r -> columns.addAll(r.keySet()));
    return new UnitTestFixture(List.copyOf(columns), f.rows(), null);
  }

  /** CSV with a header; an empty field or {@code null} is a null, as in dbt's CSV fixtures. */
  static UnitTestFixture csv(String text) {
    List<List<String>> records = dev.dbtls.index.SeedCsv.rows(text, ',', Integer.MAX_VALUE);
    if (records.isEmpty()) {
      return new UnitTestFixture(List.of(), List.of(), null);
    }
    List<String> header = records.get(0).stream().map(String::strip).toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<String> rec : records.subList(1, records.size())) {
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue;
      }
      if (rec.size() != header.size()) {
        throw new Invalid(
            "a CSV row has "
                + rec.size()
                + " values for "
                + header.size()
                + " columns: "
                + String.join(",", rec));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = rec.get(i).strip();
        row.put(header.get(i), v.isEmpty() || v.equalsIgnoreCase("null") ? null : v);
      }
      rows.add(row);
    }
    return new UnitTestFixture(header, rows, null);
  }

  /**
   * The fixture as a query over {@code types} (the relation's columns in order, lower-cased name to
   * type, as dbt reads them): a row's column the relation lacks is refused as dbt refuses it.
   */
  String query(Map<String, String> types, String what, java.util.function.UnaryOperator<String> q) {
    if (sql != null) {
      return sql;
    }
    Map<String, String> lower = new LinkedHashMap<>();
    types.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    for (String c : columns) {
      if (!lower.containsKey(c.toLowerCase(Locale.ROOT))) {
        throw new Invalid(
            "Invalid column name: '"
                + c
                + "' in unit test fixture for "
                + what
                + " (its columns: "
                + String.join(", ", types.keySet())
                + ")");
      }
    }
    List<String> selects = new ArrayList<>();
    for (Map<String, Object> row : rows.isEmpty() ? List.of(Map.<String, Object>of()) : rows) {
      Map<String, Object> byLower = new LinkedHashMap<>();
      row.forEach((k, v) -> byLower.put(k.toLowerCase(Locale.ROOT), v));
      List<String> cells = new ArrayList<>();
      types.forEach(
          (name, type) ->
              cells.add(
                  "cast("
                      + literal(byLower.get(name.toLowerCase(Locale.ROOT)))
                      + " as "
                      + type
                      + ") as "
                      + q.apply(name)));
      selects.add("select " + String.join(", ", cells));
    }
    String union = String.join("\nunion all\n", selects);
    return rows.isEmpty() ? "select * from (" + union + ") _dbt_empty_fixture where 1 = 0" : union;
  }

  /** A YAML or CSV value as a SQL literal, as dbt writes it before casting. */
  static String literal(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    return "'" + String.valueOf(v).replace("'", "''") + "'";
  }
}
