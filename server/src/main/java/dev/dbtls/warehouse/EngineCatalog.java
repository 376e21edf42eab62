package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog of an engine reached through its client library (BigQuery), read with two queries on
 * its information schema — the relations, then their columns in order — through the same preview
 * pipeline (dry run, paging, cancel) as any query. Types keep BigQuery's names ({@code
 * ARRAY<STRING>}, {@code STRUCT<…>}, {@code NUMERIC(10, 2)}) beside the normalized one.
 */
final class EngineCatalog {
  private EngineCatalog() {}

  static WarehouseCatalog read(Warehouse w, QueryCancel cancel, int max, long t0) {
    String schema = w.engine().informationSchema();
    PreviewOptions o =
        PreviewOptions.defaults().withLimit(0).withPage(10_000, 64L << 20).withCancel(cancel);
    List<List<Object>> tables = new ArrayList<>();
    WarehouseError error =
        all(
            w,
            "select table_catalog, table_schema, table_name, table_type from "
                + schema
                + ".TABLES order by table_schema, table_name limit "
                + (max + 1),
            o,
            tables);
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
      error =
          all(
              w,
              "select table_catalog, table_schema, table_name, column_name, data_type,"
                  + " ordinal_position from "
                  + schema
                  + ".COLUMNS",
              o,
              columns);
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
                new WarehouseCatalog.Column(String.valueOf(row.get(3)), type, normalized(type))
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

  /** BigQuery's type name as one of dbtls' normalized types. */
  static String normalized(String bigQueryType) {
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
