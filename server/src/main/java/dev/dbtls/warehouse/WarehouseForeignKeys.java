package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The foreign keys the warehouse declares, for the ERD: each key with its columns in order (a
 * composite key is one key of several columns). Read the way each driver here answers it: JDBC
 * {@link DatabaseMetaData#getImportedKeys} over every table at once on PostgreSQL, DuckDB and
 * generic JDBC; {@code information_schema.key_column_usage} on MySQL/MariaDB (whose driver wants
 * one table per call); {@code pragma_foreign_key_list} per table on SQLite (whose driver wants one
 * table per call too, and loses the key's grouping). Keys of system schemas are left out. Never
 * throws: a failure is {@code error}.
 */
public record WarehouseForeignKeys(
    String target, List<ForeignKey> keys, long millis, WarehouseError error) {

  /**
   * {@code database.schema.table (columns)} refers to {@code refDatabase.refSchema.refTable
   * (refColumns)}, column by column; {@code name} is the constraint's (empty when unnamed). A
   * database is empty where the warehouse has none (SQLite); MySQL's database is its schema.
   */
  public record ForeignKey(
      String name,
      String database,
      String schema,
      String table,
      List<String> columns,
      String refDatabase,
      String refSchema,
      String refTable,
      List<String> refColumns) {}

  public boolean ok() {
    return error == null;
  }

  /** The keys of the inputs' target, opened through the server's warehouses. */
  public static WarehouseForeignKeys of(
      Warehouses warehouses, ProjectInputs inputs, QueryCancel cancel) {
    long t0 = System.nanoTime();
    try {
      Warehouse.Opened o = warehouses.warehouse(inputs);
      return o.ok()
          ? read(o.warehouse(), cancel)
          : new WarehouseForeignKeys(
              inputs.target().name(), List.of(), Preview.millis(t0), o.error());
    } catch (RuntimeException e) {
      return new WarehouseForeignKeys(
          "",
          List.of(),
          Preview.millis(t0),
          WarehouseError.of(
              ProblemCode.WAREHOUSE_CONNECT,
              "reading foreign keys failed: " + e.getClass().getSimpleName()));
    }
  }

  public static WarehouseForeignKeys read(Warehouse warehouse, QueryCancel cancel) {
    long t0 = System.nanoTime();
    QueryCancel c = cancel == null ? new QueryCancel() : cancel;
    if (warehouse.engine() != null) {
      return EngineForeignKeys.read(warehouse, c, t0);
    }
    try (Connection connection = warehouse.connection()) {
      if (c.cancelled()) {
        throw new SQLException("cancelled");
      }
      List<ForeignKey> keys =
          switch (warehouse.sqlType()) {
            case "sqlite" -> sqlite(connection, c);
            case "mysql", "mariadb" -> mysql(connection, c);
            default -> jdbc(connection.getMetaData());
          };
      return new WarehouseForeignKeys(
          warehouse.targetName(), List.copyOf(keys), Preview.millis(t0), null);
    } catch (SQLException | RuntimeException e) {
      return new WarehouseForeignKeys(
          warehouse.targetName(),
          List.of(),
          Preview.millis(t0),
          QueryFailure.of(warehouse.spec(), e, c.cancelled(), false, 0));
    } finally {
      c.done();
    }
  }

  /** One key under construction: its columns by position. */
  private static final class Draft {
    final String name;
    final String[] from;
    final String[] to;
    final List<String> columns = new ArrayList<>();
    final List<String> refColumns = new ArrayList<>();

    Draft(String name, String[] from, String[] to) {
      this.name = name;
      this.from = from;
      this.to = to;
    }

    ForeignKey key() {
      return new ForeignKey(
          name,
          from[0],
          from[1],
          from[2],
          List.copyOf(columns),
          to[0],
          to[1],
          to[2],
          List.copyOf(refColumns));
    }
  }

  /** Rows in key order (key, then position) grouped into keys by {@code id}. */
  private static List<ForeignKey> grouped(Map<String, Draft> drafts) {
    return drafts.values().stream().map(Draft::key).toList();
  }

  private static List<ForeignKey> jdbc(DatabaseMetaData md) throws SQLException {
    Map<String, Draft> drafts = new LinkedHashMap<>();
    try (ResultSet rs = md.getImportedKeys(null, null, null)) {
      while (rs.next()) {
        String[] from = {
          nonNull(rs.getString("FKTABLE_CAT")),
          nonNull(rs.getString("FKTABLE_SCHEM")),
          rs.getString("FKTABLE_NAME")
        };
        String[] to = {
          nonNull(rs.getString("PKTABLE_CAT")),
          nonNull(rs.getString("PKTABLE_SCHEM")),
          rs.getString("PKTABLE_NAME")
        };
        if (WarehouseCatalog.SYSTEM_SCHEMAS.contains(from[1].toLowerCase(Locale.ROOT))) {
          continue;
        }
        String name = nonNull(rs.getString("FK_NAME"));
        // rows come ordered by the referenced table and KEY_SEQ; a key is its table and name
        Draft d =
            drafts.computeIfAbsent(
                String.join("\u0000", from)
                    + "\u0000"
                    + name
                    + "\u0000"
                    + String.join("\u0000", to),
                k -> new Draft(name, from, to));
        d.columns.add(rs.getString("FKCOLUMN_NAME"));
        d.refColumns.add(rs.getString("PKCOLUMN_NAME"));
      }
    }
    return grouped(drafts);
  }

  private static List<ForeignKey> mysql(Connection c, QueryCancel cancel) throws SQLException {
    Map<String, Draft> drafts = new LinkedHashMap<>();
    try (Statement st = running(c.createStatement(), cancel);
        ResultSet rs =
            st.executeQuery(
                "select table_schema, table_name,"
                    + " column_name, referenced_table_schema, referenced_table_name, referenced_column_name, constraint_name"
                    + " from information_schema.key_column_usage where referenced_table_name is not null"
                    + " and table_schema not in ('mysql', 'performance_schema', 'sys', 'information_schema')"
                    + " order by table_schema, table_name, constraint_name, ordinal_position")) {
      while (rs.next()) {
        String[] from = {rs.getString(1), rs.getString(1), rs.getString(2)};
        String[] to = {rs.getString(4), rs.getString(4), rs.getString(5)};
        String name = nonNull(rs.getString(7));
        Draft d =
            drafts.computeIfAbsent(
                from[0] + "\u0000" + from[2] + "\u0000" + name, k -> new Draft(name, from, to));
        d.columns.add(rs.getString(3));
        d.refColumns.add(rs.getString(6));
      }
    }
    return grouped(drafts);
  }

  /**
   * Every attached schema's tables, each table's {@code pragma_foreign_key_list}; a key that names
   * no columns of its parent ({@code references customers}) refers to its primary key.
   */
  private static List<ForeignKey> sqlite(Connection c, QueryCancel cancel) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select name from pragma_database_list")) {
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
    }
    Map<String, Draft> drafts = new LinkedHashMap<>();
    for (String schema : schemas) {
      if (cancel.cancelled()) {
        throw new SQLException("cancelled");
      }
      String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
      try (PreparedStatement p =
          running(
              c.prepareStatement(
                  "select m.name, k.id, k.\"table\", k.\"from\", k.\"to\" from "
                      + quoted
                      + ".sqlite_master m join pragma_foreign_key_list(m.name, ?) k where m.type = 'table'"
                      + " order by m.name, k.id, k.seq"),
              cancel)) {
        p.setString(1, schema);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String[] from = {"", schema, rs.getString(1)};
            String[] to = {"", schema, rs.getString(3)};
            Draft d =
                drafts.computeIfAbsent(
                    schema + "\u0000" + from[2] + "\u0000" + rs.getInt(2),
                    k -> new Draft("", from, to));
            d.columns.add(rs.getString(4));
            d.refColumns.add(rs.getString(5));
          }
        }
      }
    }
    for (Draft d : drafts.values()) {
      if (d.refColumns.stream().anyMatch(x -> x == null)) {
        List<String> pk = sqlitePrimaryKey(c, d.to[1], d.to[2]);
        d.refColumns.clear();
        for (int i = 0; i < d.columns.size(); i++) {
          d.refColumns.add(i < pk.size() ? pk.get(i) : null);
        }
      }
    }
    return grouped(drafts);
  }

  private static List<String> sqlitePrimaryKey(Connection c, String schema, String table)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("select name from pragma_table_info(?, ?) where pk > 0 order by pk")) {
      p.setString(1, table);
      p.setString(2, schema);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** {@code s}, cancelled by {@code cancel}, and stopped after {@link #TIMEOUT_SECONDS}. */
  private static <S extends Statement> S running(S s, QueryCancel cancel) throws SQLException {
    s.setQueryTimeout(TIMEOUT_SECONDS);
    cancel.running(s);
    return s;
  }

  /** A catalog query that takes longer is not worth waiting for. */
  static final int TIMEOUT_SECONDS = 60;

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
