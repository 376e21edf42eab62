package dev.dbtls.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.WarehouseError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A DuckDB sandbox: the pool opens the file read-only, so a variant's index is built on a copy
 * instead. Each variant, the baseline included, gets its own fresh in-memory DuckDB holding copies
 * of the tables the queries read, under the same catalog, schema and table names, so the SQL runs
 * unchanged and both sides compare like with like. The file is attached read-only only while
 * copying; a table larger than the plan's sample size is copied as a repeatable sample (the same
 * rows in every copy). The copies run with the target's number of threads. Everything disappears
 * with the connection.
 */
final class DuckDbScratch {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SAMPLE_SEED = 42;

  /** A relation to copy, and how many of its rows. */
  record Table(String catalog, String schema, String name, long rows, long copied) {}

  private final String catalog;
  private final String schema;
  private final Map<String, String> paths;
  private final List<Table> tables;
  private final int threads;
  private final String label;

  private DuckDbScratch(
      String catalog, String schema, Map<String, String> paths, List<Table> tables, int threads) {
    this.threads = threads;
    this.catalog = catalog;
    this.schema = schema;
    this.paths = paths;
    this.tables = tables;
    this.label = label(tables, catalog);
  }

  /** Finds what the variants read, on a pool connection (read-only, nothing is changed). */
  static DuckDbScratch plan(Watched sql, List<Variant> variants, long sampleRows) throws Failure {
    Connection c;
    try {
      c = sql.warehouse().readingConnection();
    } catch (SQLException e) {
      throw sql.failed(e);
    }
    try (Lane pool = new Lane(null, c, null, true, null)) {
      List<String> current =
          sql.rows(
                  c, "select current_database(), current_schema()," + " current_setting('threads')")
              .get(0);
      Map<String, String> paths = new LinkedHashMap<>();
      for (List<String> row : sql.rows(c, "select database_name, path from duckdb_databases()")) {
        paths.put(row.get(0).toLowerCase(Locale.ROOT), row.get(1));
      }
      Set<List<String>> relations = new LinkedHashSet<>();
      for (List<String> row :
          sql.rows(
              c,
              "select database_name, schema_name, table_name"
                  + " from duckdb_tables() union all select database_name, schema_name, view_name"
                  + " from duckdb_views() where not internal")) {
        relations.add(lower(row));
      }
      Set<List<String>> read = new LinkedHashSet<>();
      for (Variant v : variants) {
        String ast =
            sql.rows(c, "select json_serialize_sql(" + literal(v.sql()) + ")").get(0).get(0);
        for (List<String> ref : references(ast)) {
          List<String> found = resolve(ref, current.get(0), current.get(1), relations, paths);
          if (found != null) {
            read.add(found);
          }
        }
      }
      List<Table> tables = new ArrayList<>();
      for (List<String> t : read) {
        if (paths.get(t.get(0)) == null || paths.get(t.get(0)).isBlank()) {
          throw new Failure(
              WarehouseError.of(
                  ProblemCode.WAREHOUSE_QUERY,
                  "a DuckDB sandbox "
                      + "copies tables from a database file, and '"
                      + t.get(0)
                      + "' is in memory"),
              false);
        }
        long rows =
            Long.parseLong(sql.rows(c, "select count(*) from " + qualified(t)).get(0).get(0));
        tables.add(new Table(t.get(0), t.get(1), t.get(2), rows, Math.min(rows, sampleRows)));
      }
      return new DuckDbScratch(
          current.get(0),
          current.get(1),
          paths,
          List.copyOf(tables),
          Math.max(1, Integer.parseInt(current.get(2))));
    } catch (RuntimeException e) {
      throw sql.failed(e);
    }
  }

  /** The label every copy carries, e.g. "sandbox: in-memory copy of main.orders (1000 rows)". */
  String label() {
    return label;
  }

  List<Table> tables() {
    return tables;
  }

  /** A fresh in-memory DuckDB with the copies, and the variant's setup run in it. */
  Lane open(Watched sql, Variant variant) throws Failure {
    sql.stopIfCancelled();
    Connection c;
    try {
      c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    } catch (SQLException | RuntimeException e) {
      throw sql.failed(e);
    }
    Lane lane = new Lane(variant, c, label, false, null);
    try {
      // the copy runs queries as the target does: with its number of threads
      sql.execute(c, "set threads = " + threads);
      Map<String, String> sources = new LinkedHashMap<>();
      Set<String> catalogs = new LinkedHashSet<>();
      catalogs.add(catalog.toLowerCase(Locale.ROOT));
      tables.forEach(t -> catalogs.add(t.catalog()));
      for (String name : catalogs) {
        if (!name.equals("memory")) {
          sql.execute(c, "attach ':memory:' as " + identifier(name));
        }
        sql.execute(
            c,
            "create schema if not exists "
                + identifier(name)
                + "."
                + identifier(name.equals(catalog.toLowerCase(Locale.ROOT)) ? schema : "main"));
      }
      for (Table t : tables) {
        String source = sources.computeIfAbsent(t.catalog(), k -> "dbtls_source_" + sources.size());
        if (!attached(c, sql, source)) {
          sql.execute(
              c,
              "attach "
                  + literal(paths.get(t.catalog()))
                  + " as "
                  + identifier(source)
                  + " (read_only)");
        }
        String copy = "create table " + qualified(List.of(t.catalog(), t.schema(), t.name()));
        sql.execute(
            c,
            "create schema if not exists "
                + identifier(t.catalog())
                + "."
                + identifier(t.schema()));
        String from = qualified(List.of(source, t.schema(), t.name()));
        if (t.copied() < t.rows()) {
          // one thread: a repeatable sample is the same rows only when drawn single-threaded
          sql.execute(c, "set threads = 1");
          sql.execute(
              c,
              copy
                  + " as select * from "
                  + from
                  + " using sample reservoir("
                  + t.copied()
                  + " rows) repeatable ("
                  + SAMPLE_SEED
                  + ")");
          sql.execute(c, "set threads = " + threads);
        } else {
          sql.execute(c, copy + " as select * from " + from);
        }
      }
      for (String source : sources.values()) {
        sql.execute(c, "detach " + identifier(source));
      }
      sql.execute(c, "use " + identifier(catalog) + "." + identifier(schema));
      for (String setup : variant.sandboxSetup()) {
        sql.execute(c, setup);
      }
      return lane;
    } catch (Failure f) {
      lane.close();
      throw f;
    } catch (RuntimeException e) {
      lane.close();
      throw sql.failed(e);
    }
  }

  private static boolean attached(Connection c, Watched sql, String alias) throws Failure {
    return !sql.rows(c, "select 1 from duckdb_databases() where database_name = " + literal(alias))
        .isEmpty();
  }

  /** (catalog, schema, table) of every table reference in DuckDB's own parse tree. */
  static List<List<String>> references(String serialized) throws Failure {
    JsonNode root;
    try {
      root = JSON.readTree(serialized == null ? "" : serialized);
    } catch (java.io.IOException e) {
      root = null;
    }
    if (root == null || root.path("error").asBoolean(false)) {
      String why = root == null ? "" : ": " + root.path("error_message").asText("");
      throw new Failure(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY, "DuckDB cannot read the query to find its tables" + why),
          false);
    }
    List<List<String>> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(JsonNode n, List<List<String>> out) {
    if (n.isObject() && "BASE_TABLE".equals(n.path("type").asText()) && n.has("table_name")) {
      out.add(
          List.of(
              n.path("catalog_name").asText(""),
              n.path("schema_name").asText(""),
              n.path("table_name").asText("")));
    }
    if (n.isContainerNode()) {
      n.forEach(child -> collect(child, out));
    }
  }

  /** A reference resolved as DuckDB would, or null (a CTE, or nothing in the database). */
  static List<String> resolve(
      List<String> ref,
      String currentCatalog,
      String currentSchema,
      Set<List<String>> relations,
      Map<String, String> catalogs) {
    List<String> r = lower(ref);
    String cat = currentCatalog.toLowerCase(Locale.ROOT);
    List<List<String>> candidates = new ArrayList<>();
    if (!r.get(0).isEmpty()) {
      candidates.add(List.of(r.get(0), r.get(1).isEmpty() ? "main" : r.get(1), r.get(2)));
    } else if (!r.get(1).isEmpty()) {
      candidates.add(List.of(cat, r.get(1), r.get(2)));
      if (catalogs.containsKey(r.get(1))) {
        candidates.add(List.of(r.get(1), "main", r.get(2)));
      }
    } else {
      candidates.add(List.of(cat, currentSchema.toLowerCase(Locale.ROOT), r.get(2)));
      candidates.add(List.of(cat, "main", r.get(2)));
    }
    return candidates.stream().filter(relations::contains).findFirst().orElse(null);
  }

  private static String label(List<Table> tables, String catalog) {
    if (tables.isEmpty()) {
      return "sandbox: in-memory DuckDB (the query reads no table of the file)";
    }
    List<String> parts = new ArrayList<>();
    for (Table t : tables) {
      String name =
          (t.catalog().equalsIgnoreCase(catalog) ? "" : t.catalog() + ".")
              + t.schema()
              + "."
              + t.name();
      parts.add(
          t.copied() < t.rows()
              ? String.format(
                  Locale.ROOT, "%,d sampled rows of %s (of %,d)", t.copied(), name, t.rows())
              : String.format(Locale.ROOT, "%s (%,d rows)", name, t.rows()));
    }
    return "sandbox: in-memory copy of " + String.join(", ", parts);
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v == null ? "" : v.toLowerCase(Locale.ROOT)).toList();
  }

  static String qualified(List<String> parts) {
    return String.join(".", parts.stream().map(DuckDbScratch::identifier).toList());
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + (text == null ? "" : text).replace("'", "''") + "'";
  }
}
