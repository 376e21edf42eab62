package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.PG_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.WarehouseCatalog.Column;
import dev.dbtls.warehouse.WarehouseCatalog.Relation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog read from real databases: a DuckDB file and the PostgreSQL server on 5432. */
class WarehouseCatalogTest {

  /** A DuckDB file with schemas main and staging: two tables and a view. */
  static Path duckdbFile(Path dir) throws Exception {
    Path file = dir.resolve("wh.duckdb");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "create table main.orders (id integer, amount decimal(10,2), note varchar,"
              + " ordered date, ts timestamp, paid boolean)");
      st.execute("create schema staging");
      st.execute("create table staging.customers (id bigint, name varchar, score double)");
      st.execute(
          "create view staging.big_orders as select id, amount from main.orders where amount > 10");
    }
    return file;
  }

  static String names(WarehouseCatalog c) {
    return String.join(
        ", ",
        c.relations().stream()
            .map(r -> r.database() + "." + r.schema() + "." + r.name() + ":" + r.kind())
            .toList());
  }

  @Test
  void readsSchemasRelationsAndTypedColumnsOfADuckDbFile(@TempDir Path dir) throws Exception {
    Path file = duckdbFile(dir);
    try (Warehouse w =
        Databases.open(Databases.target("dev", "type", "duckdb", "path", file.toString()), dir)) {
      WarehouseCatalog c = WarehouseCatalog.read(w, new QueryCancel());
      assertNull(c.error());
      assertFalse(c.cut());
      assertEquals("dev", c.target());
      assertEquals(3, c.relationCount());
      assertEquals(
          "wh.main.orders:table, wh.staging.big_orders:view, wh.staging.customers:table", names(c));
      assertEquals(
          List.of("wh"), c.databases().stream().map(WarehouseCatalog.Database::name).toList());
      assertEquals(
          List.of("main", "staging"),
          c.databases().get(0).schemas().stream().map(WarehouseCatalog.Schema::name).toList());
      Relation orders = c.relations().get(0);
      assertEquals("TABLE", orders.databaseKind());
      assertEquals(
          List.of(
              new Column("id", "INTEGER", "integer"),
              new Column("amount", "DECIMAL(10,2)", "decimal"),
              new Column("note", "VARCHAR", "text"),
              new Column("ordered", "DATE", "date"),
              new Column("ts", "TIMESTAMP", "timestamp"),
              new Column("paid", "BOOLEAN", "boolean")),
          orders.columns());
      assertEquals(
          List.of(
              new Column("id", "INTEGER", "integer"),
              new Column("amount", "DECIMAL(10,2)", "decimal")),
          c.relations().get(1).columns());
      assertEquals(
          List.of(
              new Column("id", "BIGINT", "integer"),
              new Column("name", "VARCHAR", "text"),
              new Column("score", "DOUBLE", "float")),
          c.relations().get(2).columns());
    }
  }

  @Test
  void stopsAtTheLimitAndWhenCancelled(@TempDir Path dir) throws Exception {
    Path file = duckdbFile(dir);
    try (Warehouse w =
        Databases.open(Databases.target("dev", "type", "duckdb", "path", file.toString()), dir)) {
      WarehouseCatalog cut = WarehouseCatalog.read(w, null, 2);
      assertTrue(cut.cut());
      assertNull(cut.error());
      assertEquals(2, cut.relationCount());
      assertEquals("wh.main.orders:table, wh.staging.customers:table", names(cut));
      assertEquals(3, cut.relations().get(1).columns().size(), "a kept relation has its columns");

      QueryCancel cancel = new QueryCancel();
      cancel.cancel();
      WarehouseCatalog cancelled = WarehouseCatalog.read(w, cancel);
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, cancelled.error().code());
      assertTrue(cancelled.relations().isEmpty());
    }
  }

  @Test
  void aWarehouseThatCannotBeOpenedIsAnError(@TempDir Path dir) {
    var inputs =
        dev.dbtls.project.ProjectInputs.load(
            writeProject(dir),
            new dev.dbtls.project.ProjectInputs.Options(
                null, null, null, java.util.Map.of(), java.util.Map.of()),
            dev.dbtls.project.FileSource.DISK);
    try (Warehouses ws = new Warehouses()) {
      WarehouseCatalog c = WarehouseCatalog.of(ws, inputs, new QueryCancel());
      assertEquals(ProblemCode.WAREHOUSE_CONNECT, c.error().code());
      assertTrue(c.error().message().contains("127.0.0.1:1"), c.error().message());
      assertTrue(c.relations().isEmpty());
    }
  }

  private static Path writeProject(Path dir) {
    try {
      java.nio.file.Files.writeString(dir.resolve("dbt_project.yml"), "name: p\nprofile: p\n");
      java.nio.file.Files.writeString(
          dir.resolve("profiles.yml"),
          "p:\n  target: dev\n  outputs:\n"
              + "    dev:\n      type: postgres\n      host: 127.0.0.1\n      port: 1\n      user: u\n"
              + "      dbname: test\n      schema: s\n      connect_timeout: 1\n");
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void readsAPostgresSchema() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_cat");
    Databases.exec(
        PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table "
                + schema
                + ".orders (id int primary key, amount numeric(10,2), note text,"
                + " ts timestamptz, doc jsonb)",
            "create view " + schema + ".paid as select id from " + schema + ".orders",
            "create materialized view "
                + schema
                + ".totals as select sum(amount) as total from "
                + schema
                + ".orders",
            "create sequence " + schema + ".seq"));
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
      WarehouseCatalog c = WarehouseCatalog.read(w, new QueryCancel());
      assertNull(c.error());
      List<Relation> mine = c.relations().stream().filter(r -> r.schema().equals(schema)).toList();
      assertEquals(
          List.of("orders:table", "paid:view", "totals:view"),
          mine.stream().map(r -> r.name() + ":" + r.kind()).toList(),
          "no index, no sequence");
      assertEquals("test", mine.get(0).database());
      assertEquals(
          List.of(
              new Column("id", "int4", "integer"),
              new Column("amount", "numeric", "decimal"),
              new Column("note", "text", "text"),
              new Column("ts", "timestamptz", "timestamptz"),
              new Column("doc", "jsonb", "json")),
          mine.get(0).columns());
      assertEquals(List.of(new Column("total", "numeric", "decimal")), mine.get(2).columns());
      assertTrue(
          c.relations().stream()
              .noneMatch(
                  r -> r.schema().equals("pg_catalog") || r.schema().equals("information_schema")),
          names(c));
    } finally {
      Databases.exec(PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  @Test
  void readsASqliteFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("etl.db");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.execute("create table orders (id integer, amount numeric, note text, ts timestamp)");
      st.execute("create view paid as select id from orders");
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
      WarehouseCatalog c = WarehouseCatalog.read(w, new QueryCancel());
      assertNull(c.error());
      assertEquals(".main.orders:table, .main.paid:view", names(c));
      assertEquals(
          List.of(
              new Column("id", "INTEGER", "integer"),
              new Column("amount", "NUMERIC", "decimal"),
              new Column("note", "TEXT", "text"),
              new Column("ts", "TIMESTAMP", "timestamp")),
          c.relations().get(0).columns());
    }
  }

  @Test
  void readsAMariaDbDatabaseAsASchema() throws Exception {
    Databases.requireServer(3306);
    String schema = Databases.unique("dbtls_cat");
    Databases.exec(
        Databases.MARIADB_URL,
        "root",
        List.of(
            "create database " + schema,
            "create table "
                + schema
                + ".orders (id int, name varchar(20), amount decimal(10,2), ts datetime)",
            "create view " + schema + ".named as select id, name from " + schema + ".orders"));
    try (Warehouse w =
        Databases.open(
            Databases.target(
                "dev",
                "type",
                "mariadb",
                "server",
                "127.0.0.1",
                "port",
                3306,
                "username",
                "root",
                "schema",
                schema,
                "connect_timeout",
                2),
            Path.of("."))) {
      WarehouseCatalog c = WarehouseCatalog.read(w, new QueryCancel());
      assertNull(c.error());
      List<Relation> mine = c.relations().stream().filter(r -> r.schema().equals(schema)).toList();
      assertEquals(
          List.of("orders:table", "named:view").stream().sorted().toList(),
          mine.stream().map(r -> r.name() + ":" + r.kind()).sorted().toList(),
          names(c));
      Relation orders =
          mine.stream().filter(r -> r.name().equals("orders")).findFirst().orElseThrow();
      assertEquals(
          List.of("id:integer", "name:text", "amount:decimal", "ts:timestamp"),
          orders.columns().stream().map(col -> col.name() + ":" + col.type()).toList());
      assertTrue(
          c.relations().stream()
              .noneMatch(
                  r -> r.schema().equals("mysql") || r.schema().equals("information_schema")),
          names(c));
    } finally {
      Databases.exec(Databases.MARIADB_URL, "root", List.of("drop database if exists " + schema));
    }
  }
}
