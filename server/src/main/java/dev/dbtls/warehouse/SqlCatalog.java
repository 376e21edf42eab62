package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A catalog read with two queries on the warehouse's own catalog views — the relations, then their
 * columns — through the same preview pipeline (read-only guard, paging, cancel, time limit) as any
 * query: BigQuery's {@code INFORMATION_SCHEMA} ({@link #bigQuery}), Redshift's {@code svv_tables}
 * and {@code svv_columns} ({@link #redshift}), whose driver's metadata calls are not usable. Types
 * keep the warehouse's names ({@code ARRAY<STRING>}, {@code character varying(256)}) beside the
 * normalized one.
 */
final class SqlCatalog {
  private SqlCatalog() {}

  /**
   * The two queries: {@code relations} answers (database, schema, name, type) at most {@code max +
   * 1} rows, {@code columns} (database, schema, relation, column, type, position); {@code
   * normalize} turns a type name into one of dbtls' normalized types.
   */
  record Queries(String relations, String columns, UnaryOperator<String> normalize) {}

  /** BigQuery: the location's region INFORMATION_SCHEMA, else the dataset's. */
  static Queries bigQuery(String informationSchema, int max) {
    return new Queries(
        "select table_catalog, table_schema, table_name, table_type from "
            + informationSchema
            + ".TABLES order by table_schema, table_name limit "
            + (max + 1),
        "select table_catalog, table_schema, table_name, column_name, data_type,"
            + " ordinal_position from "
            + informationSchema
            + ".COLUMNS",
        SqlCatalog::bigQueryType);
  }

  /**
   * Redshift: {@code svv_tables} and {@code svv_columns} of the connected database (local and
   * external tables, views, late-binding views with their columns), system schemas left out; a type
   * with its length or precision as Redshift declares it.
   */
  static Queries redshift(int max) {
    String mine =
        " where table_catalog = current_database() and table_schema not in ("
            + "'information_schema', 'pg_catalog', 'pg_internal', 'pg_automv')"
            + " and table_schema not like 'pg_temp_%'";
    return new Queries(
        "select table_catalog, table_schema, table_name, table_type from svv_tables"
            + mine
            + " order by table_schema, table_name limit "
            + (max + 1),
        "select table_catalog, table_schema, table_name, column_name,"
            + " case when character_maximum_length is not null"
            + " then data_type || '(' || character_maximum_length::varchar || ')'"
            + " when data_type = 'numeric' and numeric_precision is not null"
            + " then data_type || '(' || numeric_precision::varchar || ','"
            + " || coalesce(numeric_scale, 0)::varchar || ')'"
            + " else data_type end, ordinal_position from svv_columns"
            + mine,
        SqlCatalog::redshiftType);
  }

  static WarehouseCatalog read(Warehouse w, QueryCancel cancel, int max, long t0, Queries q) {
    PreviewOptions o =
        PreviewOptions.defaults().withLimit(0).withPage(10_000, 64L << 20).withCancel(cancel);
    List<List<Object>> tables = new ArrayList<>();
    WarehouseError error = all(w, q.relations(), o, tables);
    Map<String, Map<String, Map<String, Draft>>> tree = new TreeMap<>();
    int count = 0;
    boolean cut = false;
    for (List<Object> row : tables) {
      if (count >= max) {
        cut = true;
        break;
      }
      String db = String.valueOf(row.get(0));
      String sc = String.valueOf(row.get(1));
      String name = String.valueOf(row.get(2));
      tree.computeIfAbsent(db, k -> new TreeMap<>())
          .computeIfAbsent(sc, k -> new TreeMap<>())
          .put(name, new Draft(db, sc, name, String.valueOf(row.get(3))));
      count++;
    }
    if (error == null && count > 0) {
      List<List<Object>> columns = new ArrayList<>();
      error = all(w, q.columns(), o, columns);
      for (List<Object> row : columns) {
        Draft d =
            tree.getOrDefault(String.valueOf(row.get(0)), Map.of())
                .getOrDefault(String.valueOf(row.get(1)), Map.of())
                .get(String.valueOf(row.get(2)));
        if (d != null) {
          String type = String.valueOf(row.get(4));
          d.columns.add(
              new Object[] {
                ((Number) row.get(5)).intValue(),
                new WarehouseCatalog.Column(
                    String.valueOf(row.get(3)), type, q.normalize().apply(type))
              });
        }
      }
    }
    List<WarehouseCatalog.Database> databases = new ArrayList<>();
    tree.forEach(
        (db, schemas) -> {
          List<WarehouseCatalog.Schema> ss = new ArrayList<>();
          schemas.forEach(
              (sc, relations) ->
                  ss.add(
                      new WarehouseCatalog.Schema(
                          db, sc, relations.values().stream().map(Draft::relation).toList())));
          databases.add(new WarehouseCatalog.Database(db, List.copyOf(ss)));
        });
    return new WarehouseCatalog(
        w.targetName(), List.copyOf(databases), count, cut, Preview.millis(t0), error);
  }

  /** Every row of a query, page after page; the error, or null. */
  static WarehouseError all(Warehouse w, String sql, PreviewOptions o, List<List<Object>> into) {
    PreviewResult r = Preview.run(w, sql, o);
    if (!r.ok()) {
      return r.error();
    }
    into.addAll(r.rows());
    String cursor = r.cursor();
    while (cursor != null) {
      PreviewPage p = Preview.page(w, cursor, o);
      if (!p.ok()) {
        Preview.close(w, cursor);
        return p.error();
      }
      into.addAll(p.rows());
      cursor = p.cursor();
    }
    return null;
  }

  /** Redshift's type name: {@code super} holds JSON-like values; the rest read as PostgreSQL's. */
  static String redshiftType(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return t.equals("super") ? "json" : ColumnTypes.normalize(java.sql.Types.OTHER, t);
  }

  /** BigQuery's type name as one of dbtls' normalized types. */
  static String bigQueryType(String bigQueryType) {
    String t = bigQueryType.toUpperCase(Locale.ROOT);
    if (t.startsWith("ARRAY")) {
      return "array";
    }
    if (t.startsWith("STRUCT")) {
      return "struct";
    }
    int paren = t.indexOf('(');
    return switch (paren < 0 ? t : t.substring(0, paren)) {
      case "BOOL" -> "boolean";
      case "INT64" -> "integer";
      case "NUMERIC", "BIGNUMERIC" -> "decimal";
      case "FLOAT64" -> "float";
      case "STRING" -> "text";
      case "BYTES" -> "binary";
      case "DATE" -> "date";
      case "TIME" -> "time";
      case "DATETIME" -> "timestamp";
      case "TIMESTAMP" -> "timestamptz";
      case "INTERVAL" -> "interval";
      case "JSON" -> "json";
      default -> "other";
    };
  }

  private static final class Draft {
    final String database;
    final String schema;
    final String name;
    final String type;
    final List<Object[]> columns = new ArrayList<>();

    Draft(String database, String schema, String name, String type) {
      this.database = database;
      this.schema = schema;
      this.name = name;
      this.type = type;
    }

    WarehouseCatalog.Relation relation() {
      return new WarehouseCatalog.Relation(
          database,
          schema,
          name,
          WarehouseCatalog.kind(type),
          type,
          columns.stream()
              .sorted(Comparator.comparingInt(c -> (Integer) c[0]))
              .map(c -> (WarehouseCatalog.Column) c[1])
              .toList());
    }
  }
}
