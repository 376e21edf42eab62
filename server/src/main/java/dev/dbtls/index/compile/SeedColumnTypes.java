package dev.dbtls.index.compile;

import dev.dbtls.project.Adapter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL type dbt's {@code seed} gives each column of a CSV: the seed's {@code column_types}
 * config, else the type agate infers from the values (dbt's type tester: integer, number, date,
 * datetime, ISO datetime, boolean, text, in that order; {@code null} and empty cells fit every
 * type) converted as the adapter converts it ({@code convert_number_type} etc.). Adapters whose
 * conversions we have: postgres, bigquery, and dbt's base rules (snowflake, duckdb and the rest).
 */
final class SeedColumnTypes {
  private enum Inferred {
    INTEGER,
    NUMBER,
    DATE,
    DATETIME,
    BOOLEAN,
    TEXT
  }

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?[$€£¥]?(\\d+(,\\d{3})*|\\d*)(\\.\\d*)?([eE][+-]?\\d+)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern DATETIME =
      Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2} \\d{1,2}:\\d{1,2}:\\d{1,2}");
  private static final Pattern ISO_DATETIME =
      Pattern.compile(
          "\\d{4}-?\\d{2}-?\\d{2}T\\d{2}(:?\\d{2}(:?\\d{2}([.,]\\d+)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");

  private SeedColumnTypes() {}

  /** The type of each column of {@code rows} (header first), in header order. */
  static List<String> of(List<List<String>> rows, Map<?, ?> columnTypes, Adapter adapter) {
    List<String> header = rows.get(0);
    List<String> out = new ArrayList<>(header.size());
    for (int c = 0; c < header.size(); c++) {
      Object configured = columnTypes == null ? null : columnTypes.get(header.get(c));
      out.add(
          configured != null
              ? String.valueOf(configured)
              : convert(infer(rows, c), rows, c, adapter));
    }
    return out;
  }

  private static Inferred infer(List<List<String>> rows, int column) {
    Inferred best = Inferred.INTEGER;
    for (int r = 1; r < rows.size() && best != Inferred.TEXT; r++) {
      List<String> row = rows.get(r);
      String v = column < row.size() ? row.get(column).strip() : "";
      if (v.isEmpty() || v.equalsIgnoreCase("null")) {
        continue;
      }
      while (best != Inferred.TEXT && !fits(best, v)) {
        best = Inferred.values()[best.ordinal() + 1];
      }
    }
    return best;
  }

  private static boolean fits(Inferred type, String v) {
    return switch (type) {
      case INTEGER -> INTEGER.matcher(v).matches();
      case NUMBER ->
          !v.equals(".") && NUMBER.matcher(v).matches() && v.chars().anyMatch(Character::isDigit);
      case DATE -> DATE.matcher(v).matches();
      case DATETIME -> DATETIME.matcher(v).matches() || ISO_DATETIME.matcher(v).matches();
      case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
      case TEXT -> true;
    };
  }

  /** agate's {@code MaxPrecision}: the most digits after the decimal point of a number column. */
  private static int decimals(List<List<String>> rows, int column) {
    int max = 0;
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      String v = column < row.size() ? row.get(column).strip() : "";
      if (v.isEmpty() || v.equalsIgnoreCase("null")) {
        continue;
      }
      try {
        BigDecimal d = new BigDecimal(v.replaceAll("[,$€£¥]", ""));
        max = Math.max(max, Math.max(0, d.scale()));
      } catch (NumberFormatException e) {
        // not a number agate would read differently; no precision from it
      }
    }
    return max;
  }

  private static String convert(
      Inferred type, List<List<String>> rows, int column, Adapter adapter) {
    List<String> lineage = adapter.lineage();
    boolean bigquery = lineage.contains("bigquery");
    boolean postgres = lineage.get(0).equals("postgres");
    return switch (type) {
      case INTEGER -> bigquery ? "int64" : "integer";
      case NUMBER -> {
        boolean fractional = decimals(rows, column) > 0;
        yield bigquery
            ? (fractional ? "float64" : "int64")
            : postgres ? (fractional ? "numeric" : "integer") : fractional ? "float8" : "integer";
      }
      case DATE -> "date";
      case DATETIME ->
          bigquery || lineage.contains("mysql") ? "datetime" : "timestamp without time zone";
      case BOOLEAN -> bigquery ? "bool" : "boolean";
      case TEXT -> bigquery ? "string" : "text";
    };
  }

  /**
   * A seed column's name as the warehouse keeps it: quoted as written, else folded as the adapter
   * folds.
   */
  static String name(String header, boolean quoted, Adapter adapter) {
    if (quoted) {
      return header;
    }
    return switch (adapter.lineage().get(adapter.lineage().size() - 1)) {
      case "snowflake", "oracle" -> header.toUpperCase(Locale.ROOT);
      case "postgres" -> header.toLowerCase(Locale.ROOT);
      default -> header;
    };
  }
}
