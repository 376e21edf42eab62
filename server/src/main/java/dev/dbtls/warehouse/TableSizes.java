package dev.dbtls.warehouse;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The row counts of the tables a plan reads, from the warehouse's own statistics in one cheap
 * metadata query: PostgreSQL {@code pg_class.reltuples}, DuckDB {@code
 * duckdb_tables().estimated_size}, MariaDB/MySQL {@code information_schema.TABLES.TABLE_ROWS} (an
 * estimate for InnoDB); SQLite keeps none. Keys are {@code schema.table}. A relation named without
 * a schema is the one the session sees (PostgreSQL: on the search path; MariaDB: in the current
 * database), else the only one of that name. Never fails: on any error, no sizes.
 */
final class TableSizes {
  /** A relation as a plan names it; {@code schema} may be null. */
  record Relation(String schema, String name) {}

  private TableSizes() {}

  static Map<String, Double> read(Connection c, String dialect, Collection<Relation> relations) {
    Map<String, Double> out = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    relations.forEach(r -> names.add(r.name()));
    if (names.isEmpty()) {
      return out;
    }
    try {
      List<Row> rows =
          switch (dialect) {
            case "postgres", "redshift" -> postgres(c, names);
            case "duckdb" -> duckdb(c, names);
            case "mysql", "mariadb" -> mysql(c, names);
            default -> List.of();
          };
      for (Relation r : relations) {
        Row chosen = choose(r, rows);
        if (chosen != null && chosen.rows >= 0) {
          out.put(chosen.schema + "." + chosen.name, chosen.rows);
        }
      }
    } catch (SQLException | RuntimeException e) {
      out.clear();
    }
    return out;
  }

  private record Row(String schema, String name, double rows, boolean visible) {}

  private static Row choose(Relation r, List<Row> rows) {
    List<Row> named = new ArrayList<>();
    for (Row row : rows) {
      if (row.name.equalsIgnoreCase(r.name())
          && (r.schema() == null || row.schema.equalsIgnoreCase(r.schema()))) {
        named.add(row);
      }
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    List<Row> visible = named.stream().filter(Row::visible).toList();
    return visible.size() == 1 ? visible.get(0) : null;
  }

  private static List<Row> postgres(Connection c, Set<String> names) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select n.nspname, c.relname, c.reltuples,"
                + " pg_catalog.pg_table_is_visible(c.oid) from pg_catalog.pg_class c"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where c.relname = any(?) and c.relkind in ('r', 'm', 'p', 'f')")) {
      Array array = c.createArrayOf("text", names.toArray());
      ps.setArray(1, array);
      return rows(ps);
    }
  }

  private static List<Row> duckdb(Connection c, Set<String> names) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select schema_name, table_name,"
                + " estimated_size, database_name = current_database() from duckdb_tables()")) {
      List<Row> all = rows(ps);
      List<Row> out = new ArrayList<>();
      Set<String> lower = lower(names);
      for (Row r : all) {
        if (lower.contains(r.name.toLowerCase(Locale.ROOT)) && r.visible) {
          out.add(r);
        }
      }
      return out;
    }
  }

  private static List<Row> mysql(Connection c, Set<String> names) throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "select table_schema, table_name, table_rows,"
                + " table_schema = database() from information_schema.tables where table_name in ("
                + marks
                + ") and table_rows is not null")) {
      int i = 1;
      for (String n : names) {
        ps.setString(i++, n);
      }
      return rows(ps);
    }
  }

  private static List<Row> rows(PreparedStatement ps) throws SQLException {
    List<Row> out = new ArrayList<>();
    ps.setQueryTimeout(10);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        double n = rs.getDouble(3);
        out.add(new Row(rs.getString(1), rs.getString(2), rs.wasNull() ? -1 : n, rs.getBoolean(4)));
      }
    }
    return out;
  }

  private static Set<String> lower(Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
    return out;
  }
}
