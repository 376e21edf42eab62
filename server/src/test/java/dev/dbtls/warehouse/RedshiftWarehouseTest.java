package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.ok;
import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt-redshift's profile on Amazon's own Redshift driver (bundled), live against the local
 * PostgreSQL through {@link PgStartupFilter}; and every method mapped onto properties the driver
 * itself lists.
 */
class RedshiftWarehouseTest {
  @TempDir Path dir;
  private static PgStartupFilter relay;

  @BeforeAll
  static void relay() throws Exception {
    Databases.requireServer(5432);
    relay = new PgStartupFilter(5432);
  }

  @AfterAll
  static void stop() throws Exception {
    if (relay != null) {
      relay.close();
    }
  }

  private ConnectionSpec spec(Object... fields) {
    return RedshiftTarget.spec(new TargetFields(target("dev", fields), dir));
  }

  private static void knownToDriver(ConnectionSpec s) throws Exception {
    Driver d = s.driver();
    assertTrue(d.acceptsURL(s.url()), s.url());
    Set<String> known = new TreeSet<>();
    for (DriverPropertyInfo p : d.getPropertyInfo(s.url(), new java.util.Properties())) {
      known.add(p.name.toLowerCase(java.util.Locale.ROOT));
    }
    for (String name : s.properties().stringPropertyNames()) {
      assertTrue(known.contains(name), name + " is not one of the driver's properties " + known);
    }
  }

  @Test
  void previewsPagesAndStaysReadOnlyThroughTheRedshiftDriver() {
    try (Warehouse w = dev()) {
      assertEquals("redshift", w.kind());
      assertEquals("com.amazon.redshift.Driver", w.spec().driver().getClass().getName());
      PreviewResult r =
          ok(
              Preview.run(
                  w,
                  "select g as n, 'row ' || g as label from generate_series(1, 250) g",
                  PreviewOptions.defaults().withLimit(1000).withPage(100, 1L << 20)));
      assertEquals(List.of("n", "label"), r.columns().stream().map(PreviewColumn::name).toList());
      assertEquals(100, r.rows().size());
      assertTrue(r.cursor() != null, "more rows to page through");
      PreviewPage p2 = Preview.page(w, r.cursor(), PreviewOptions.defaults());
      assertTrue(p2.ok());
      assertEquals(List.of(101, "row 101"), p2.rows().get(0));
      Preview.close(w, p2.cursor());
      PreviewResult write = Preview.run(w, "create table dbtls_nope as select 1", null);
      assertFalse(write.ok());
    }
    assertTrue(relay.dropped.contains("driver_version"), String.valueOf(relay.dropped));
  }

  @Test
  void explainsThroughTheRedshiftDriver() {
    try (Warehouse w = dev()) {
      ExplainResult r =
          Explain.run(
              w,
              "select c.relname, count(*) from pg_class c join pg_attribute a on a.attrelid ="
                  + " c.oid where c.relkind = 'r' group by c.relname",
              true,
              null);
      assertTrue(r.error() == null, String.valueOf(r.error()));
      assertFalse(r.analyzed(), "Redshift's explain does not run the query");
      assertTrue(r.root().estimatedRows() > 0);
      List<String> relations = new java.util.ArrayList<>();
      collect(r.root(), relations);
      assertTrue(relations.containsAll(List.of("pg_class", "pg_attribute")), relations.toString());
    }
  }

  private static void collect(PlanNode n, List<String> out) {
    if (n.relation() != null) {
      out.add(n.relation());
    }
    n.children().forEach(c -> collect(c, out));
  }

  private Warehouse dev() {
    return dev("public");
  }

  /** The local PostgreSQL through the relay, as a dbt-redshift target whose schema is given. */
  private Warehouse dev(String schema) {
    return Databases.open(
        target(
            "dev",
            "type",
            "redshift",
            "host",
            "127.0.0.1",
            "port",
            relay.port(),
            "user",
            "postgres",
            "password",
            "unused-pw",
            "dbname",
            "test",
            "schema",
            schema,
            "sslmode",
            "disable"),
        dir);
  }

  @Test
  void cancelsThroughTheDriversOwnCancelRequest() throws Exception {
    try (Warehouse w = dev()) {
      QueryCancel cancel = new QueryCancel();
      java.util.concurrent.CompletableFuture<PreviewResult> run =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  Preview.run(
                      w, "select pg_sleep(30)", PreviewOptions.defaults().withCancel(cancel)));
      // the query must be running in the database when it is cancelled
      dev.dbtls.testing.Eventually.await(
          java.time.Duration.ofSeconds(10), () -> sleeping() > 0, () -> "pg_sleep never started");
      long t0 = System.nanoTime();
      cancel.cancel();
      PreviewResult r = run.get();
      assertEquals(
          dev.dbtls.project.ProblemCode.WAREHOUSE_CANCELLED, r.error().code(), r.error().message());
      assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
      assertEquals(0, sleeping(), "the database stopped the query");
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
    }
  }

  private static int sleeping() throws Exception {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(Databases.PG_URL, "postgres", "");
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from pg_stat_activity where state = 'active'"
                        + " and query like '%dbtls_preview%' and query like '%pg_sleep(30)%'"
                        + " and pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void keysAndExportThroughTheRedshiftDriver() throws Exception {
    String table = Databases.unique("dbtls_rs");
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create table " + table + "_p (id int primary key, name text)",
            "create table "
                + table
                + "_c (id int primary key, p_id int references "
                + table
                + "_p (id))",
            "insert into " + table + "_p values (1, 'a'), (2, 'b')"));
    try (Warehouse w = dev()) {
      WarehouseForeignKeys keys = WarehouseForeignKeys.read(w, null);
      assertTrue(keys.error() == null, String.valueOf(keys.error()));
      assertTrue(
          keys.keys().stream().anyMatch(k -> String.valueOf(k).contains(table + "_c")),
          keys.keys().toString());
      Path file = dir.resolve("p.json");
      var r =
          ResultExport.run(
              w,
              "select * from " + table + "_p order by id",
              file,
              dev.dbtls.store.export.ExportFormat.JSON,
              PreviewOptions.defaults());
      assertTrue(r.ok(), r.error());
      assertEquals(2, r.rows());
    } finally {
      Databases.exec(
          Databases.PG_URL,
          "postgres",
          List.of("drop table if exists " + table + "_c", "drop table if exists " + table + "_p"));
    }
  }

  /**
   * The catalog reads Redshift's {@code svv_tables} and {@code svv_columns}, which PostgreSQL does
   * not have: views of those names with Redshift's documented columns (over PostgreSQL's
   * information schema), in the target's schema, which the driver puts on the search path, stand in
   * for them, so that the catalog's SQL runs through the Redshift driver on a real engine and its
   * rows are read as on Redshift.
   */
  @Test
  void theCatalogFromRedshiftsSvvViewsThroughTheDriver() throws Exception {
    String schema = Databases.unique("dbtls_rs_cat");
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table "
                + schema
                + ".orders (id int, note varchar(40), amount numeric(10,2),"
                + " placed_at timestamp, payload json)",
            "create view "
                + schema
                + ".big_orders as select id, amount from "
                + schema
                + ".orders where amount > 100",
            "create view "
                + schema
                + ".svv_tables as select table_catalog, table_schema, table_name,"
                + " table_type, null::varchar as remarks from information_schema.tables",
            "create view "
                + schema
                + ".svv_columns as select table_catalog, table_schema,"
                + " table_name, column_name, ordinal_position, column_default, is_nullable,"
                + " data_type, character_maximum_length, numeric_precision, numeric_precision_radix,"
                + " numeric_scale, null::varchar as remarks from information_schema.columns"));
    try (Warehouse w = dev(schema)) {
      WarehouseCatalog c = WarehouseCatalog.read(w, null);
      assertTrue(c.ok(), String.valueOf(c.error()));
      List<String> seen = new java.util.ArrayList<>();
      for (WarehouseCatalog.Relation r : c.relations()) {
        if (r.schema().equals(schema) && !r.name().startsWith("svv_")) {
          seen.add(r.database() + "." + Databases.described(r));
        }
      }
      assertEquals(
          List.of(
              "test.big_orders view [id:integer:integer, amount:numeric(10,2):decimal]",
              "test.orders table [id:integer:integer, note:character varying(40):text,"
                  + " amount:numeric(10,2):decimal, placed_at:timestamp without time zone:timestamp,"
                  + " payload:json:json]"),
          seen);
    } finally {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  @Test
  void benchmarksWithTheResultCacheOff() {
    try (Warehouse w = dev()) {
      String sql = "select g from generate_series(1, 20000) g where g % 7 = 3";
      var r =
          dev.dbtls.benchmark.Benchmark.run(
              w,
              dev.dbtls.benchmark.BenchmarkPlan.of(
                      List.of(
                          dev.dbtls.benchmark.Variant.of("a", sql),
                          dev.dbtls.benchmark.Variant.of("b", sql)))
                  .withRuns(1, 3),
              null,
              null);
      assertEquals(
          dev.dbtls.benchmark.BenchmarkResult.Status.COMPLETED,
          r.status(),
          String.valueOf(r.error()));
      assertEquals(2857, r.variants().get(0).stats().rows());
      assertTrue(r.notes().stream().anyMatch(n -> n.contains("enable_result_cache_for_session")));
    }
  }

  @Test
  void everyMethodMapsOntoTheDriversOwnProperties() throws Exception {
    knownToDriver(
        spec("type", "redshift", "host", "h", "user", "u", "password", "pw12", "dbname", "d"));
    ConnectionSpec iam =
        spec(
            "type",
            "redshift",
            "method",
            "iam",
            "host",
            "c.abc.eu-west-1.redshift.amazonaws.com",
            "user",
            "alice",
            "dbname",
            "analytics",
            "cluster_id",
            "c",
            "iam_profile",
            "data",
            "region",
            "eu-west-1",
            "db_groups",
            List.of("a", "b"),
            "autocreate",
            true);
    knownToDriver(iam);
    assertEquals(
        "jdbc:redshift:iam://c.abc.eu-west-1.redshift.amazonaws.com:5439/analytics", iam.url());
    assertEquals("alice", iam.properties().getProperty("dbuser"));
    assertEquals("a,b", iam.properties().getProperty("dbgroups"));
    ConnectionSpec keys =
        spec(
            "type",
            "redshift",
            "method",
            "iam_role",
            "host",
            "wg.123.eu-west-1.redshift-serverless.amazonaws.com",
            "dbname",
            "d",
            "access_key_id",
            "AKIAEXAMPLE",
            "secret_access_key",
            "very-secret-key");
    knownToDriver(keys);
    assertEquals("true", keys.properties().getProperty("isserverless"));
    assertEquals("key ***", keys.scrub("key very-secret-key"));
  }

  @Test
  void iamSignsInThroughTheBundledAwsSdkUpToTheNetwork() {
    long t0 = System.nanoTime();
    var opened =
        Warehouse.open(
            target(
                "prod",
                "type",
                "redshift",
                "method",
                "iam",
                "host",
                "127.0.0.1",
                "port",
                relay.port(),
                "dbname",
                "d",
                "user",
                "u",
                "cluster_id",
                "c",
                "region",
                "eu-west-1",
                "access_key_id",
                "AKIAEXAMPLEKEY",
                "secret_access_key",
                "CANARY-aws-secret-9931",
                "connect_timeout",
                3),
            dir);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertFalse(opened.ok());
    String m = opened.error().message();
    assertEquals(dev.dbtls.project.ProblemCode.WAREHOUSE_CONNECT, opened.error().code(), m);
    assertTrue(m.startsWith("cannot connect to redshift target 'prod' at 127.0.0.1:"), m);
    assertFalse(m.contains("needs the class"), "the AWS SDK is bundled: " + m);
    assertFalse(m.contains("CANARY"), m);
    assertFalse(m.contains("\n"), m);
    // here there is no AWS to reach: the SDK's GetClusterCredentials call is as far as it goes
    // (an unknown host, or no answer in time on a loaded machine)
    assertTrue(
        m.contains("redshift.eu-west-1.amazonaws.com")
            || m.contains("no answer within")
            || m.toLowerCase(java.util.Locale.ROOT).contains("security token"),
        m + " after " + ms + " ms");
  }

  @Test
  void aMissingFieldIsOneLineNamingIt() {
    var opened =
        Warehouse.open(
            target(
                "prod",
                "type",
                "redshift",
                "method",
                "iam",
                "host",
                "h.example.com",
                "dbname",
                "d",
                "user",
                "u"),
            dir);
    assertFalse(opened.ok());
    assertEquals(
        "cannot connect to redshift target 'prod': needs 'cluster_id' (method: iam on a"
            + " provisioned cluster; a serverless endpoint is named by 'host')",
        opened.error().message());
  }
}
