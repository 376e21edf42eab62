package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.ide.EntityRelationships;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.query.ForeignKeyMemory;
import dev.dbtls.store.ForeignKeyCache;
import dev.dbtls.store.Store;
import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtls catalog} reads the warehouse's declared foreign keys with the schema, prints them
 * per table and keeps them in the store, where the editor's ERD ({@link ForeignKeyMemory}) finds
 * them in its next session: on a DuckDB file, a SQLite file, PostgreSQL and MariaDB; a warehouse
 * without keys, one that cannot be reached, and one whose keys cannot be read while its schema can.
 */
class CatalogForeignKeysTest {
  @TempDir Path dir;

  /**
   * A project of models {@code customers}, {@code regions} and {@code orders} (named as given) on
   * {@code output}.
   */
  private static Path project(
      Path dir, String output, String customers, String regions, String orders) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("profiles.yml"), "shop:\n  target: dev\n  outputs:\n    dev:\n" + output);
    Files.writeString(dir.resolve("models/" + customers + ".sql"), "select 1 as id\n");
    Files.writeString(
        dir.resolve("models/" + regions + ".sql"), "select 'fr' as code, 'FR' as country\n");
    Files.writeString(
        dir.resolve("models/" + orders + ".sql"),
        "select 1 as id from {{ ref('" + customers + "') }}\n");
    return dir;
  }

  private static Path project(Path dir, String output) throws Exception {
    return project(dir, output, "customers", "regions", "orders");
  }

  /**
   * Tables with a named single-column key and a named composite key, in {@code q} (a schema and
   * dot, or empty).
   */
  private static List<String> tables(
      String q, String customers, String regions, String orders, String suffix) {
    return List.of(
        "create table " + q + customers + " (id int primary key)" + suffix,
        "create table "
            + q
            + regions
            + " (code varchar(10), country varchar(10), primary key (code, country))"
            + suffix,
        "create table "
            + q
            + orders
            + " (id int, customer_id int, region_code varchar(10), region_country varchar(10),"
            + " constraint "
            + orders
            + "_customer_fk foreign key (customer_id) references "
            + q
            + customers
            + " (id),"
            + " constraint "
            + orders
            + "_region_fk foreign key (region_code, region_country) references "
            + q
            + regions
            + " (code, country))"
            + suffix);
  }

  private static String postgres(String schema, String database, String user, int port) {
    return "      type: postgres\n      host: 127.0.0.1\n      port: "
        + port
        + "\n      user: "
        + user
        + "\n"
        + "      password: ''\n      dbname: "
        + database
        + "\n      schema: "
        + schema
        + "\n      threads: 1\n"
        + "      connect_timeout: 2\n";
  }

  private static ProjectSnapshot snapshot(Path project) {
    return ProjectSnapshot.load(
        project,
        new ProjectInputs.Options(null, null, null, Map.of(), Map.of()),
        List.of(),
        FileSource.DISK,
        false);
  }

  /**
   * What the editor's ERD gets for the project now: {@code from.column -> to.column constraint}
   * sorted, or its message.
   */
  private static List<String> erd(Path project) throws Exception {
    ProjectSnapshot s = snapshot(project);
    try (Warehouses warehouses = new Warehouses();
        Store store = Store.open()) {
      ForeignKeyMemory memory =
          new ForeignKeyMemory(warehouses, CompletableFuture.completedFuture(store), Runnable::run);
      EntityRelationships.WarehouseKeys keys =
          memory.forErd(s, new QueryCancel()).get(30, TimeUnit.SECONDS);
      if (keys.message() != null) {
        return List.of(keys.message());
      }
      List<String> out = new ArrayList<>();
      keys.keys()
          .forEach(
              r ->
                  out.add(
                      r.fromNode()
                          + "."
                          + r.fromColumn()
                          + " -> "
                          + r.toNode()
                          + "."
                          + r.toColumn()
                          + " "
                          + r.constraint()));
      out.sort(null);
      return out;
    }
  }

  /**
   * The store's row for the project (as the server keys it: absolute, normalized folder) and
   * target.
   */
  private static Optional<ForeignKeyCache.Keys> stored(Path project, String target) {
    try (Store store = Store.open()) {
      return store
          .foreignKeyCache()
          .load(project.toAbsolutePath().normalize().toString(), target)
          .value();
    }
  }

  private static void noStackTrace(CliRun r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    assertFalse(r.out().contains("\tat ") || r.out().contains("Exception"), r.out());
  }

  @Test
  void duckDbKeysArePrintedPerTableAndTheNextEditorSessionsErdHasThem() throws Exception {
    Path project = project(dir.resolve("shop"), "      type: duckdb\n      path: wh.duckdb\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("wh.duckdb"));
        Statement st = c.createStatement()) {
      for (String sql : tables("main.", "customers", "regions", "orders", "")) {
        st.execute(sql);
      }
    }
    // a path that is not normalized is still the project the editor opens
    CliRun r = CliRun.of("catalog", "--project-dir", dir.resolve("shop/../shop").toString());
    assertEquals(0, r.exit(), r.err());
    noStackTrace(r);
    List<String> out = r.out().lines().toList();
    // DuckDB names its keys itself (the names given are not kept)
    assertEquals(
        List.of(
            "foreign keys:",
            "  main.orders",
            "    orders_customer_id_id_fkey: (customer_id) -> main.customers(id)",
            "    orders_region_code_region_country_code_country_fkey: (region_code, region_country)"
                + " -> main.regions(code, country)"),
        out.subList(out.indexOf("foreign keys:"), out.size()));
    assertTrue(r.err().contains("2 foreign keys in "), r.err());

    CliRun json = CliRun.of("catalog", "--project-dir", project.toString(), "--format", "json");
    assertEquals(0, json.exit(), json.err());
    JsonNode keys = new ObjectMapper().readTree(json.out()).get("foreignKeys");
    assertEquals(2, keys.size());
    assertEquals("orders", keys.get(0).get("table").asText());
    assertEquals("[\"region_code\",\"region_country\"]", keys.get(1).get("columns").toString());
    assertEquals("regions", keys.get(1).get("refTable").asText());
    assertTrue(new ObjectMapper().readTree(json.out()).get("foreignKeysError").isNull());

    CliRun customers =
        CliRun.of("catalog", "--project-dir", project.toString(), "--relation", "customers");
    assertEquals(0, customers.exit(), customers.err());
    List<String> lines = customers.out().lines().toList();
    assertEquals(
        List.of(
            "foreign keys: none",
            "referenced by:",
            "  orders_customer_id_id_fkey: main.orders(customer_id) -> (id)"),
        lines.subList(lines.indexOf("foreign keys: none"), lines.size()));

    assertEquals(2, stored(project, "dev").orElseThrow().keys().size());
    try (Store store = Store.open()) { // the columns too, for completion and hover in the editor
      Map<String, List<dev.dbtls.store.SchemaCache.Column>> columns =
          store.schemaCache().load(project.toAbsolutePath().normalize().toString(), "dev").value();
      assertEquals(
          List.of("id", "customer_id", "region_code", "region_country"),
          columns.get("model.shop.orders").stream()
              .map(dev.dbtls.store.SchemaCache.Column::name)
              .toList());
    }
    // the warehouse is gone: the ERD draws the keys the command line kept
    Files.delete(project.resolve("wh.duckdb"));
    assertEquals(
        List.of(
            "model.shop.orders.customer_id -> model.shop.customers.id orders_customer_id_id_fkey",
            "model.shop.orders.region_code -> model.shop.regions.code orders_region_code_region_country_code_country_fkey",
            "model.shop.orders.region_country -> model.shop.regions.country"
                + " orders_region_code_region_country_code_country_fkey"),
        erd(project));
  }

  @Test
  void sqliteKeysArePrintedAndAFileWithoutKeysSaysSo() throws Exception {
    Path file = dir.resolve("wh.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("create table customers (id int primary key)");
      st.execute("create table regions (code text, country text, primary key (code, country))");
      // `references customers` names no column: the parent's primary key
      st.execute(
          "create table orders (id int, customer_id int references customers, region_code text,"
              + " region_country text, foreign key (region_code, region_country) references regions (code, country))");
    }
    String sqlite =
        "      type: sqlite\n      threads: 1\n      database: database\n      schema: main\n"
            + "      schemas_and_paths:\n        main: "
            + file
            + "\n      schema_directory: "
            + dir
            + "\n";
    Path project = project(dir.resolve("shop"), sqlite);
    CliRun r = CliRun.of("catalog", "--project-dir", project.toString());
    assertEquals(0, r.exit(), r.err());
    noStackTrace(r);
    List<String> out = r.out().lines().toList();
    assertEquals(
        List.of(
            "foreign keys:",
            "  main.orders",
            "    (customer_id) -> main.customers(id)",
            "    (region_code, region_country) -> main.regions(code, country)"),
        out.subList(out.indexOf("foreign keys:"), out.size()));
    assertEquals(2, stored(project, "dev").orElseThrow().keys().size());
    assertEquals(3, erd(project).size());

    Path plain = dir.resolve("plain.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain);
        Statement st = c.createStatement()) {
      st.execute("create table customers (id int primary key)");
    }
    Path none = project(dir.resolve("none"), sqlite.replace(file.toString(), plain.toString()));
    CliRun notKept = CliRun.of("catalog", "--project-dir", none.toString(), "--no-store");
    assertEquals(0, notKept.exit(), notKept.err());
    assertTrue(stored(none, "dev").isEmpty(), "--no-store keeps nothing");
    CliRun empty = CliRun.of("catalog", "--project-dir", none.toString());
    assertEquals(0, empty.exit(), empty.err());
    noStackTrace(empty);
    assertEquals(
        "foreign keys: none declared", empty.out().lines().reduce((a, b) -> b).orElseThrow());
    assertTrue(empty.err().contains("0 foreign keys in "), empty.err());
    assertTrue(
        stored(none, "dev").orElseThrow().keys().isEmpty(),
        "none is an answer too: the ERD reads no more");
    CliRun json = CliRun.of("catalog", "--project-dir", none.toString(), "--format", "json");
    assertEquals("[]", new ObjectMapper().readTree(json.out()).get("foreignKeys").toString());
  }

  @Test
  void postgresKeysArePrintedWithTheirNamesAndKeptForTheErd() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_cli_fk");
    List<String> setup = new ArrayList<>(List.of("create schema " + schema));
    setup.addAll(tables(schema + ".", "customers", "regions", "orders", ""));
    Databases.exec(Databases.PG_URL, "postgres", setup);
    try {
      Path project = project(dir.resolve("shop"), postgres(schema, "test", "postgres", 5432));
      CliRun r = CliRun.of("catalog", "--project-dir", project.toString(), "--schema", schema);
      assertEquals(0, r.exit(), r.err());
      noStackTrace(r);
      List<String> out = r.out().lines().toList();
      assertEquals(
          List.of(
              "foreign keys:",
              "  " + schema + ".orders",
              "    orders_customer_fk: (customer_id) -> " + schema + ".customers(id)",
              "    orders_region_fk: (region_code, region_country) -> "
                  + schema
                  + ".regions(code, country)"),
          out.subList(out.indexOf("foreign keys:"), out.size()));

      CliRun orders =
          CliRun.of(
              "catalog",
              "--project-dir",
              project.toString(),
              "--relation",
              schema + ".orders",
              "--format",
              "json");
      assertEquals(0, orders.exit(), orders.err());
      JsonNode json = new ObjectMapper().readTree(orders.out());
      assertEquals(2, json.get("foreignKeys").size());
      assertEquals("orders_customer_fk", json.get("foreignKeys").get(0).get("name").asText());
      assertEquals(0, json.get("referencedBy").size());

      assertEquals(2, stored(project, "dev").orElseThrow().keys().size());
      // the warehouse lost its keys since: the ERD of the next session still has the ones kept
      Databases.exec(Databases.PG_URL, "postgres", List.of("drop schema " + schema + " cascade"));
      assertEquals(
          List.of(
              "model.shop.orders.customer_id -> model.shop.customers.id orders_customer_fk",
              "model.shop.orders.region_code -> model.shop.regions.code orders_region_fk",
              "model.shop.orders.region_country -> model.shop.regions.country orders_region_fk"),
          erd(project));
    } finally {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  @Test
  void mariaDbKeysArePrintedAndKeptForTheErd() throws Exception {
    Databases.requireServer(3306);
    String customers = Databases.unique("fkc");
    String regions = Databases.unique("fkr");
    String orders = Databases.unique("fko");
    Databases.exec(
        Databases.MARIADB_URL, "root", tables("", customers, regions, orders, " engine=innodb"));
    try {
      Path project =
          project(
              dir.resolve("shop"),
              "      type: mysql\n      server: 127.0.0.1\n      port: 3306\n"
                  + "      username: root\n      password: ''\n      schema: test\n",
              customers,
              regions,
              orders);
      CliRun r = CliRun.of("catalog", "--project-dir", project.toString());
      assertEquals(0, r.exit(), r.err());
      noStackTrace(r);
      // other tests' tables may be in `test` too: this table's block
      List<String> out = r.out().lines().toList();
      int at = out.indexOf("  test." + orders);
      assertTrue(at > out.indexOf("foreign keys:"), r.out());
      assertEquals(
          List.of(
              "    " + orders + "_customer_fk: (customer_id) -> test." + customers + "(id)",
              "    "
                  + orders
                  + "_region_fk: (region_code, region_country) -> test."
                  + regions
                  + "(code, country)"),
          out.subList(at + 1, at + 3));
      assertTrue(
          stored(project, "dev").orElseThrow().keys().stream()
                  .filter(k -> k.table().equals(orders))
                  .count()
              == 2);
      Databases.exec(Databases.MARIADB_URL, "root", List.of("drop table " + orders));
      assertEquals(
          List.of(
              "model.shop."
                  + orders
                  + ".customer_id -> model.shop."
                  + customers
                  + ".id "
                  + orders
                  + "_customer_fk",
              "model.shop."
                  + orders
                  + ".region_code -> model.shop."
                  + regions
                  + ".code "
                  + orders
                  + "_region_fk",
              "model.shop."
                  + orders
                  + ".region_country -> model.shop."
                  + regions
                  + ".country "
                  + orders
                  + "_region_fk"),
          erd(project));
    } finally {
      Databases.exec(
          Databases.MARIADB_URL,
          "root",
          List.of(
              "drop table if exists " + orders,
              "drop table if exists " + regions,
              "drop table if exists " + customers));
    }
  }

  @Test
  void aWarehouseThatCannotBeReachedIsOneErrorAndNothingIsStored() throws Exception {
    Path project = project(dir.resolve("down"), postgres("nowhere", "test", "postgres", 1));
    CliRun r = CliRun.of("catalog", "--project-dir", project.toString());
    assertEquals(1, r.exit(), r.out());
    noStackTrace(r);
    assertTrue(
        r.err().lines().anyMatch(l -> l.startsWith("error ") && l.contains("127.0.0.1:1")),
        r.err());
    assertFalse(r.err().contains("foreign key"), "one error, about the warehouse: " + r.err());
    assertTrue(stored(project, "dev").isEmpty());
  }

  /**
   * A role that may read the schema but not {@code pg_constraint} (revoked in a scratch database):
   * the schema is shown, the keys are a warning, and the keys an earlier run kept stay in the
   * store.
   */
  @Test
  void keysThatCannotBeReadAreAWarningAndTheSchemaIsStillShown() throws Exception {
    Databases.requireServer(5432);
    String database = Databases.unique("dbtls_cli_fk_db");
    String role = Databases.unique("dbtls_cli_fk_role");
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of("create database " + database, "create role " + role + " login"));
    try {
      String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
      List<String> setup = new ArrayList<>(List.of("create schema shop"));
      setup.addAll(tables("shop.", "customers", "regions", "orders", ""));
      setup.addAll(
          List.of(
              "grant usage on schema shop to " + role,
              "grant select on all tables in schema shop to " + role,
              "revoke select on pg_catalog.pg_constraint from public"));
      Databases.exec(url, "postgres", setup);
      Path project = project(dir.resolve("shop"), postgres("shop", database, "postgres", 5432));
      CliRun first = CliRun.of("catalog", "--project-dir", project.toString());
      assertEquals(0, first.exit(), first.err());
      assertEquals(2, stored(project, "dev").orElseThrow().keys().size());

      Files.writeString(
          project.resolve("profiles.yml"),
          "shop:\n  target: dev\n  outputs:\n    dev:\n" + postgres("shop", database, role, 5432));
      CliRun r = CliRun.of("catalog", "--project-dir", project.toString());
      assertEquals(0, r.exit(), r.err());
      noStackTrace(r);
      assertTrue(
          r.out().contains("| shop   | orders    | table | 4       | model.shop.orders"), r.out());
      assertFalse(r.out().contains("foreign keys"), r.out());
      String warning =
          r.err()
              .lines()
              .filter(l -> l.startsWith("warning: foreign keys not read: "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(r.err()));
      assertTrue(
          warning.contains("pg_constraint")
              && warning.endsWith("(the schema was read; the ERD keeps the keys it had)"),
          warning);
      assertEquals(
          2, stored(project, "dev").orElseThrow().keys().size(), "the keys read before stay");

      CliRun json = CliRun.of("catalog", "--project-dir", project.toString(), "--format", "json");
      assertEquals(0, json.exit(), json.err());
      JsonNode tree = new ObjectMapper().readTree(json.out());
      assertEquals(3, tree.get("relations").size());
      assertNull(tree.get("error").textValue());
      assertTrue(
          tree.get("foreignKeysError").get("message").asText().contains("pg_constraint"),
          json.out());
    } finally {
      Databases.exec(
          Databases.PG_URL,
          "postgres",
          List.of(
              "drop database if exists " + database + " with (force)",
              "drop role if exists " + role));
    }
  }
}
