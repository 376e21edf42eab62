package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the warehouse holds, as the database explorer shows it: databases, their schemas, each
 * schema's tables and views, and every relation's columns with the database's type and the
 * normalized one ({@link ColumnTypes}). Read from JDBC {@link DatabaseMetaData} ({@code getTables},
 * then {@code getColumns} once per schema), so it works the same on DuckDB, PostgreSQL,
 * MySQL/MariaDB, SQLite, Trino and generic JDBC targets; BigQuery and Redshift with two queries on
 * their own catalog views ({@link SqlCatalog}). System schemas are left out. At most {@link
 * #MAX_RELATIONS} relations are read; {@code cut} says when there were more. Never throws: a
 * failure is {@code error} with whatever was read before it.
 */
public record WarehouseCatalog(
    String target,
    List<Database> databases,
    int relationCount,
    boolean cut,
    long millis,
    WarehouseError error) {

  /** Enough for the largest projects; a warehouse shared by many teams is cut there. */
  public static final int MAX_RELATIONS = 20_000;

  static final Set<String> SYSTEM_SCHEMAS =
      Set.of("information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema", "sys");

  /** DuckDB's own catalogs, attached to every connection. */
  private static final Set<String> DUCKDB_SYSTEM_CATALOGS = Set.of("system", "temp");

  public record Database(String name, List<Schema> schemas) {}

  public record Schema(String database, String name, List<Relation> relations) {}

  /** A table, view or other relation; {@code kind} is table, view or other. */
  public record Relation(
      String database,
      String schema,
      String name,
      String kind,
      String databaseKind,
      List<Column> columns) {}

  /**
   * {@code type} is the normalized type (integer, text, decimal, ...), {@code databaseType} the
   * database's.
   */
  public record Column(String name, String databaseType, String type) {}

  public boolean ok() {
    return error == null;
  }

  /** The catalog of the inputs' target, opened through the server's warehouses. */
  public static WarehouseCatalog of(
      Warehouses warehouses, ProjectInputs inputs, QueryCancel cancel) {
    long t0 = System.nanoTime();
    try {
      Warehouse.Opened o = warehouses.warehouse(inputs);
      return o.ok()
          ? read(o.warehouse(), cancel)
          : failed(inputs.target().name(), o.error(), Preview.millis(t0));
    } catch (RuntimeException e) {
      return failed(
          "",
          WarehouseError.of(
              ProblemCode.WAREHOUSE_CONNECT,
              "reading the catalog failed: " + e.getClass().getSimpleName()),
          Preview.millis(t0));
    }
  }

  public static WarehouseCatalog read(Warehouse warehouse, QueryCancel cancel) {
    return read(warehouse, cancel, MAX_RELATIONS);
  }

  static WarehouseCatalog read(Warehouse warehouse, QueryCancel cancel, int maxRelations) {
    long t0 = System.nanoTime();
    try {
      if (warehouse.engine() != null) {
        return SqlCatalog.read(
            warehouse,
            cancel == null ? new QueryCancel() : cancel,
            maxRelations,
            t0,
            SqlCatalog.bigQuery(warehouse.engine().informationSchema(), maxRelations));
      }
      if (warehouse.spec().kind().equals("redshift")) {
        return SqlCatalog.read(
            warehouse,
            cancel == null ? new QueryCancel() : cancel,
            maxRelations,
            t0,
            SqlCatalog.redshift(maxRelations));
      }
      return new Reader(warehouse, cancel == null ? new QueryCancel() : cancel, maxRelations)
          .read(t0);
    } catch (RuntimeException e) {
      return failed(
          warehouse.targetName(),
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY,
              "reading the catalog failed: " + e.getClass().getSimpleName()),
          Preview.millis(t0));
    }
  }

  static WarehouseCatalog failed(String target, WarehouseError error, long millis) {
    return new WarehouseCatalog(target, List.of(), 0, false, millis, error);
  }

  /** The relations of all databases, in order. */
  public List<Relation> relations() {
    List<Relation> out = new ArrayList<>();
    databases.forEach(d -> d.schemas().forEach(s -> out.addAll(s.relations())));
    return out;
  }

  /** table, view or other, from a JDBC table type (BASE TABLE, VIEW, MATERIALIZED VIEW, ...). */
  static String kind(String tableType) {
    String t = tableType == null ? "" : tableType.toUpperCase(Locale.ROOT);
    if (t.contains("VIEW")) {
      return "view";
    }
    return t.contains("TABLE") ? "table" : "other";
  }

  /** Indexes, sequences, types and temporary tables are not relations a project builds or reads. */
  private static boolean listed(String tableType) {
    String t = tableType == null ? "" : tableType.toUpperCase(Locale.ROOT);
    return !(t.contains("INDEX")
        || t.contains("SEQUENCE")
        || t.contains("TYPE")
        || t.contains("SYSTEM")
        || t.contains("TEMPORARY"));
  }

  /** One read over one pooled connection. */
  private static final class Reader {
    private final Warehouse warehouse;
    private final QueryCancel cancel;
    private final int max;
    // database -> schema -> relation name -> relation under construction
    private final Map<String, Map<String, Map<String, Draft>>> tree = new TreeMap<>();
    private int count;
    private boolean cut;

    Reader(Warehouse warehouse, QueryCancel cancel, int max) {
      this.warehouse = warehouse;
      this.cancel = cancel;
      this.max = max;
    }

    WarehouseCatalog read(long t0) {
      ConnectionSpec spec = warehouse.spec();
      WarehouseError error = null;
      try (Connection c = warehouse.connection()) {
        DatabaseMetaData md = c.getMetaData();
        // Trino reaches every catalog of the cluster (data lakes of millions of tables): the
        // target's catalog is the project's
        tables(md, spec.kind().equals("trino") ? c.getCatalog() : null);
        for (var db : tree.entrySet()) {
          for (var schema : db.getValue().entrySet()) {
            if (cancel.cancelled()) {
              throw new SQLException("cancelled");
            }
            columns(md, db.getKey(), schema.getKey(), schema.getValue());
          }
        }
      } catch (SQLException | RuntimeException e) {
        error = QueryFailure.of(spec, e, cancel.cancelled(), false, 0);
      }
      return new WarehouseCatalog(
          warehouse.targetName(), build(), count, cut, Preview.millis(t0), error);
    }

    private void tables(DatabaseMetaData md, String catalog) throws SQLException {
      boolean duckdb = warehouse.spec().kind().equals("duckdb");
      try (ResultSet rs = md.getTables(catalog, null, "%", null)) {
        while (rs.next()) {
          if (cancel.cancelled()) {
            throw new SQLException("cancelled");
          }
          String type = rs.getString("TABLE_TYPE");
          String database = nonNull(rs.getString("TABLE_CAT"));
          String schema = schemaOf(database, rs.getString("TABLE_SCHEM"));
          if (!listed(type)
              || SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))
              || (duckdb && DUCKDB_SYSTEM_CATALOGS.contains(database))) {
            continue;
          }
          if (count >= max) {
            cut = true;
            return;
          }
          String name = rs.getString("TABLE_NAME");
          Map<String, Draft> relations =
              tree.computeIfAbsent(database, k -> new TreeMap<>())
                  .computeIfAbsent(schema, k -> new TreeMap<>());
          if (relations.putIfAbsent(name, new Draft(database, schema, name, type)) == null) {
            count++;
          }
        }
      }
    }

    private void columns(
        DatabaseMetaData md, String database, String schema, Map<String, Draft> relations)
        throws SQLException {
      boolean sqlite = warehouse.spec().sqlType().equals("sqlite");
      String escape = md.getSearchStringEscape();
      // MySQL has no schemas: its databases are JDBC catalogs, which dbt calls schemas
      String schemaPattern =
          md.supportsSchemasInTableDefinitions() ? pattern(schema, escape) : null;
      try (ResultSet rs =
          md.getColumns(database.isEmpty() ? null : database, schemaPattern, "%", "%")) {
        while (rs.next()) {
          if (!schema.equals(schemaOf(database, rs.getString("TABLE_SCHEM")))) {
            continue; // the pattern matched a neighbour (an '_' in the name)
          }
          Draft d = relations.get(rs.getString("TABLE_NAME"));
          if (d != null) {
            String dbType = rs.getString("TYPE_NAME");
            // SQLite's driver reports the storage class (TIMESTAMP as VARCHAR); the declared name
            // says more
            int jdbcType = sqlite ? java.sql.Types.OTHER : rs.getInt("DATA_TYPE");
            d.columns.add(
                new Positioned(
                    rs.getInt("ORDINAL_POSITION"),
                    new Column(
                        rs.getString("COLUMN_NAME"),
                        dbType,
                        ColumnTypes.normalize(jdbcType, dbType))));
          }
        }
      }
    }

    private List<Database> build() {
      List<Database> out = new ArrayList<>();
      tree.forEach(
          (db, schemas) -> {
            List<Schema> ss = new ArrayList<>();
            schemas.forEach(
                (schema, relations) ->
                    ss.add(
                        new Schema(
                            db,
                            schema,
                            relations.values().stream().map(Draft::relation).toList())));
            out.add(new Database(db, List.copyOf(ss)));
          });
      return List.copyOf(out);
    }

    private static String pattern(String name, String escape) {
      if (escape == null || escape.isEmpty()) {
        return name;
      }
      return name.replace(escape, escape + escape)
          .replace("_", escape + "_")
          .replace("%", escape + "%");
    }

    private static String schemaOf(String database, String schema) {
      if (schema != null && !schema.isEmpty()) {
        return schema;
      }
      return database.isEmpty() ? "main" : database; // SQLite: main; MySQL: the database
    }

    private static String nonNull(String s) {
      return s == null ? "" : s;
    }
  }

  private record Positioned(int position, Column column) {}

  private static final class Draft {
    final String database;
    final String schema;
    final String name;
    final String type;
    final List<Positioned> columns = new ArrayList<>();

    Draft(String database, String schema, String name, String type) {
      this.database = database;
      this.schema = schema;
      this.name = name;
      this.type = type;
    }

    Relation relation() {
      return new Relation(
          database,
          schema,
          name,
          kind(type),
          type == null ? "" : type,
          columns.stream()
              .sorted(Comparator.comparingInt(Positioned::position))
              .map(Positioned::column)
              .toList());
    }
  }
}
