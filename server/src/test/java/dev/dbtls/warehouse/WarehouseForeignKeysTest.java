package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.MARIADB_URL;
import static dev.dbtls.warehouse.Databases.PG_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.WarehouseForeignKeys.ForeignKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse's declared foreign keys, read from real databases: a single-column key and a
 * composite one on each of PostgreSQL, MariaDB, a DuckDB file and a SQLite file.
 */
class WarehouseForeignKeysTest {

  /**
   * {@code table(columns) -> refTable(refColumns)} of the keys whose table is in {@code schema},
   * sorted.
   */
  private static List<String> keys(WarehouseForeignKeys k, String schema) {
    assertNull(k.error(), () -> String.valueOf(k.error()));
    return k.keys().stream()
        .filter(f -> f.schema().equalsIgnoreCase(schema))
        .map(
            f ->
                f.table()
                    + "("
                    + String.join(",", f.columns())
                    + ") -> "
                    + f.refSchema()
                    + "."
                    + f.refTable()
                    + "("
                    + String.join(",", f.refColumns())
                    + ")")
        .sorted()
        .toList();
  }

  private static final String CUSTOMERS =
      " (id int primary key, region int not null, unique (id, region))";

  @Test
  void readsPostgresKeysWithTheirConstraintNames() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_fk");
    Databases.exec(
        PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table " + schema + ".customers" + CUSTOMERS,
            "create table "
                + schema
                + ".orders (id int, customer_id int references "
                + schema
                + ".customers,"
                + " region int, constraint orders_customer_region foreign key (customer_id, region) references "
                + schema
                + ".customers (id, region))"));
    try (Warehouse w =
        Databases.open(
            Databases.target(
                "dev",
                "type",
                "postgres",
                "host",
                "127.0.0.1",
                "port",
                5432,
                "user",
                "postgres",
                "dbname",
                "test",
                "schema",
                schema),
            Path.of("."))) {
      WarehouseForeignKeys k = WarehouseForeignKeys.read(w, new QueryCancel());
      assertEquals(
          List.of(
              "orders(customer_id) -> " + schema + ".customers(id)",
              "orders(customer_id,region) -> " + schema + ".customers(id,region)"),
          keys(k, schema));
      ForeignKey composite =
          k.keys().stream()
              .filter(f -> f.name().equals("orders_customer_region"))
              .findFirst()
              .orElseThrow();
      assertEquals("test", composite.database());
      assertEquals("test", composite.refDatabase());
    } finally {
      Databases.exec(PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  @Test
  void readsMariaDbKeysFromInformationSchema() throws Exception {
    Databases.requireServer(3306);
    String customers = Databases.unique("fk_customers");
    String orders = Databases.unique("fk_orders");
    Databases.exec(
        MARIADB_URL,
        "root",
        List.of(
            "create table " + customers + CUSTOMERS + " engine=innodb",
            "create table "
                + orders
                + " (id int, customer_id int, region int, foreign key (customer_id) references "
                + customers
                + " (id), foreign key (customer_id, region) references "
                + customers
                + " (id, region)) engine=innodb"));
    try (Warehouse w =
        Databases.open(
            Databases.target(
                "dev",
                "type",
                "mysql",
                "server",
                "127.0.0.1",
                "port",
                3306,
                "username",
                "root",
                "password",
                "",
                "schema",
                "test"),
            Path.of("."))) {
      WarehouseForeignKeys k = WarehouseForeignKeys.read(w, new QueryCancel());
      List<String> mine = keys(k, "test").stream().filter(s -> s.startsWith(orders)).toList();
      assertEquals(
          List.of(
              orders + "(customer_id) -> test." + customers + "(id)",
              orders + "(customer_id,region) -> test." + customers + "(id,region)"),
          mine);
      assertTrue(
          k.keys().stream()
              .filter(f -> f.table().equals(orders))
              .allMatch(f -> f.database().equals("test") && !f.name().isEmpty()));
    } finally {
      Databases.exec(
          MARIADB_URL,
          "root",
          List.of("drop table if exists " + orders, "drop table if exists " + customers));
    }
  }

  @Test
  void readsDuckDbKeys(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wh.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement()) {
      st.execute("create schema shop");
      st.execute("create table shop.customers" + CUSTOMERS);
      st.execute(
          "create table shop.orders (id int, customer_id int references shop.customers (id), region int,"
              + " foreign key (customer_id, region) references shop.customers (id, region))");
      st.execute("create table main.plain (id int)");
    }
    try (Warehouse w =
        Databases.open(Databases.target("dev", "type", "duckdb", "path", file.toString()), dir)) {
      WarehouseForeignKeys k = WarehouseForeignKeys.read(w, new QueryCancel());
      assertEquals(
          List.of(
              "orders(customer_id) -> shop.customers(id)",
              "orders(customer_id,region) -> shop.customers(id,region)"),
          keys(k, "shop"));
      assertEquals(2, k.keys().size(), "nothing else: " + k.keys());
      assertEquals("wh", k.keys().get(0).database());
    }
  }

  @Test
  void readsSqliteKeysAndAKeyToTheParentsPrimaryKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wh.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("create table customers" + CUSTOMERS);
      // `references customers` names no column: the parent's primary key
      st.execute(
          "create table orders (id int, customer_id int references customers, region int,"
              + " foreign key (customer_id, region) references customers (id, region))");
    }
    try (Warehouse w =
        Databases.open(
            Databases.target(
                "dev",
                "type",
                "sqlite",
                "threads",
                1,
                "database",
                "database",
                "schema",
                "main",
                "schemas_and_paths",
                java.util.Map.of("main", file.toString()),
                "schema_directory",
                dir.toString()),
            dir)) {
      WarehouseForeignKeys k = WarehouseForeignKeys.read(w, new QueryCancel());
      assertEquals(
          List.of(
              "orders(customer_id) -> main.customers(id)",
              "orders(customer_id,region) -> main.customers(id,region)"),
          keys(k, "main"));
      assertEquals("", k.keys().get(0).database());
    }
  }

  @Test
  void aCancelledReadIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wh.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement st = c.createStatement()) {
      st.execute("create table t (id int)");
    }
    try (Warehouse w =
        Databases.open(Databases.target("dev", "type", "duckdb", "path", file.toString()), dir)) {
      QueryCancel cancel = new QueryCancel();
      cancel.cancel();
      WarehouseForeignKeys k = WarehouseForeignKeys.read(w, cancel);
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, k.error().code());
      assertTrue(k.keys().isEmpty());
    }
  }
}
