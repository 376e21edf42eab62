package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.compile.Relations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements that load a project's seeds as {@code dbt seed} would (create table, insert the
 * CSV rows, gather statistics), for tests on a warehouse dbtls only reads. Column types come from
 * the seed's {@code column_types}, else from the values: integer, numeric, date, timestamp, text —
 * as dbt's type inference gives for these files.
 */
final class GoldenSeeds {
  private GoldenSeeds() {}

  /** Create-and-insert statements of every seed of the root project, then the analyze ones. */
  static List<String> statements(ProjectSnapshot s) {
    String dialect = s.inputs().target().type();
    List<String> load = new ArrayList<>();
    List<String> analyze = new ArrayList<>();
    s.manifest().nodes().values().stream()
        .filter(
            n ->
                n.type() == ResourceType.SEED
                    && n.file() != null
                    && n.packageName().equals(s.inputs().root().name()))
        .sorted(java.util.Comparator.comparing(Node::uniqueId))
        .forEach(
            n -> {
              String table = Relations.rendered(s, n);
              List<List<String>> rows = csv(read(n.file().absolutePath()));
              List<String> header = rows.get(0);
              List<List<String>> values = rows.subList(1, rows.size());
              Map<?, ?> declared =
                  n.config().get("column_types") instanceof Map<?, ?> m ? m : Map.of();
              List<String> columns = new ArrayList<>();
              List<String> types = new ArrayList<>();
              for (int i = 0; i < header.size(); i++) {
                Object type = declared.get(header.get(i));
                types.add(type != null ? String.valueOf(type) : infer(values, i, dialect));
                columns.add(quote(header.get(i), dialect) + " " + types.get(i));
              }
              load.add("create table " + table + " (" + String.join(", ", columns) + ")");
              List<String> tuples = new ArrayList<>();
              for (List<String> row : values) {
                List<String> literals = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                  String v = row.get(i);
                  String literal = v.isEmpty() ? "null" : "'" + v.replace("'", "''") + "'";
                  // Trino casts no string to a number or date by itself
                  literals.add(
                      dialect.equals("trino") && !v.isEmpty()
                          ? "cast(" + literal + " as " + types.get(i) + ")"
                          : literal);
                }
                tuples.add("(" + String.join(", ", literals) + ")");
              }
              load.add("insert into " + table + " values " + String.join(", ", tuples));
              if (!dialect.equals("trino")) { // Trino's memory catalog keeps no statistics
                analyze.add(
                    switch (dialect) {
                      case "mysql", "mariadb" -> "analyze table " + table;
                      case "sqlite" -> "analyze";
                      default -> "analyze " + table;
                    });
              }
            });
    load.addAll(analyze.stream().distinct().toList());
    return load;
  }

  private static String read(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String quote(String name, String dialect) {
    return dialect.equals("mysql") || dialect.equals("mariadb")
        ? "`" + name + "`"
        : "\"" + name + "\"";
  }

  private static String infer(List<List<String>> rows, int column, String dialect) {
    boolean integer = true;
    boolean number = true;
    boolean date = true;
    boolean timestamp = true;
    for (List<String> row : rows) {
      String v = row.get(column);
      if (v.isEmpty()) {
        continue;
      }
      integer &= v.matches("-?\\d{1,9}");
      number &= v.matches("-?\\d+(\\.\\d+)?");
      date &= v.matches("\\d{4}-\\d{2}-\\d{2}");
      timestamp &= v.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    }
    if (integer) {
      return "integer";
    }
    if (number) {
      return "numeric(18, 4)";
    }
    if (date) {
      return "date";
    }
    if (timestamp) {
      // Trino keeps timestamps as text here, as the seed's CSV has them (substr() reads them)
      return dialect.equals("mysql") || dialect.equals("mariadb")
          ? "datetime"
          : dialect.equals("trino") ? "varchar" : "timestamp";
    }
    return dialect.equals("mysql") || dialect.equals("mariadb")
        ? "varchar(255)"
        : dialect.equals("trino") ? "varchar" : "text";
  }

  /** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
          rows.add(row);
        }
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
