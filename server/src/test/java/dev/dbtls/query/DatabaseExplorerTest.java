package dev.dbtls.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.WarehouseCatalog;
import dev.dbtls.warehouse.WarehouseError;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse's relations matched to the project, on a real DuckDB file. */
public class DatabaseExplorerTest {

  /**
   * A project on a DuckDB file {@code wh.duckdb}: model {@code orders} builds main.orders, source
   * {@code raw.customers} reads staging.customers, the view staging.big_orders is unknown to the
   * project; model {@code not_yet}, seed-less source table {@code raw.missing} are not built; the
   * ephemeral model is never a relation.
   */
  public static Path project(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        dir.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: wh.duckdb\n");
    Files.writeString(
        dir.resolve("models/sources.yml"),
        "version: 2\nsources:\n"
            + "  - name: raw\n    schema: STAGING\n    tables:\n      - name: customers\n      - name: missing\n");
    Files.writeString(
        dir.resolve("models/Orders.sql"), "{{ config(alias='ORDERS') }}\nselect 1 as id\n");
    Files.writeString(dir.resolve("models/not_yet.sql"), "select * from {{ ref('Orders') }}\n");
    Files.writeString(
        dir.resolve("models/inline.sql"),
        "{{ config(materialized='ephemeral') }}\nselect 2 as id\n");
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("wh.duckdb"));
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "create table main.orders (id integer, amount decimal(10,2), note varchar,"
              + " ordered date, ts timestamp, paid boolean)");
      st.execute("create schema staging");
      st.execute("create table staging.customers (id bigint, name varchar, score double)");
      st.execute(
          "create view staging.big_orders as select id, amount from main.orders where amount > 10");
    }
    return dir;
  }

  static ProjectSnapshot snapshot(Path dir) {
    return ProjectSnapshot.load(
        dir,
        new ProjectInputs.Options(null, null, null, Map.of(), Map.of()),
        List.of(),
        FileSource.DISK,
        false);
  }

  @Test
  void matchesRelationsToTheNodesThatBuildOrReadThem(@TempDir Path dir) throws Exception {
    ProjectSnapshot s = snapshot(project(dir));
    DatabaseExplorer e;
    try (Warehouses ws = new Warehouses()) {
      e = DatabaseExplorer.build(s, WarehouseCatalog.of(ws, s.inputs(), new QueryCancel()));
    }
    assertNull(e.error());
    assertFalse(e.cut());
    assertEquals("dev", e.target());
    assertEquals(
        List.of(
            "wh.main.orders table model.shop.Orders builds models/Orders.sql",
            "wh.staging.big_orders view -",
            "wh.staging.customers table source.shop.raw.customers reads models/sources.yml"),
        e.relations().stream().map(DatabaseExplorerTest::line).toList());
    DatabaseExplorer.ProjectNode source = e.relations().get(2).node();
    assertEquals(new dev.dbtls.project.Span(5, 14, 5, 23), source.span());
    assertEquals(3, e.relations().get(2).relation().columns().size());
    assertEquals(
        List.of("model.shop.not_yet wh.main.not_yet", "source.shop.raw.missing wh.STAGING.missing"),
        e.notBuilt().stream()
            .map(n -> n.uniqueId() + " " + n.database() + "." + n.schema() + "." + n.identifier())
            .toList());
  }

  @Test
  void aModelWinsOverASourceOfTheSameRelation(@TempDir Path dir) throws Exception {
    project(dir);
    Files.writeString(
        dir.resolve("models/sources.yml"),
        "version: 2\nsources:\n"
            + "  - name: raw\n    schema: main\n    tables:\n      - name: orders\n");
    ProjectSnapshot s = snapshot(dir);
    DatabaseExplorer e;
    try (Warehouses ws = new Warehouses()) {
      e = DatabaseExplorer.merge(s, WarehouseCatalog.of(ws, s.inputs(), new QueryCancel()));
    }
    assertEquals("model.shop.Orders", e.relations().get(0).node().uniqueId());
    assertEquals(
        List.of("model.shop.not_yet"),
        e.notBuilt().stream().map(DatabaseExplorer.ProjectNode::uniqueId).toList(),
        "the source is found too");
  }

  @Test
  void inAnEmptyWarehouseEveryNodeIsNotBuilt(@TempDir Path dir) throws Exception {
    project(dir);
    Files.delete(dir.resolve("wh.duckdb"));
    try (java.sql.Connection c =
        java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("wh.duckdb"))) {
      assertTrue(c.isValid(1)); // a fresh database file: nothing built yet
    }
    ProjectSnapshot s = snapshot(dir);
    DatabaseExplorer e;
    try (Warehouses ws = new Warehouses()) {
      e = DatabaseExplorer.merge(s, WarehouseCatalog.of(ws, s.inputs(), new QueryCancel()));
    }
    assertNull(e.error());
    assertTrue(e.relations().isEmpty());
    assertEquals(
        List.of(
            "model.shop.Orders",
            "model.shop.not_yet",
            "source.shop.raw.customers",
            "source.shop.raw.missing"),
        e.notBuilt().stream().map(DatabaseExplorer.ProjectNode::uniqueId).sorted().toList());
  }

  @Test
  void aFailedOrCutCatalogNeverSaysNotBuilt(@TempDir Path dir) throws Exception {
    ProjectSnapshot s = snapshot(project(dir));
    WarehouseCatalog failed =
        new WarehouseCatalog(
            "dev",
            List.of(),
            0,
            false,
            0,
            WarehouseError.of(ProblemCode.WAREHOUSE_CONNECT, "cannot connect"));
    DatabaseExplorer e = DatabaseExplorer.merge(s, failed);
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, e.error().code());
    assertTrue(e.relations().isEmpty());
    assertTrue(e.notBuilt().isEmpty());

    WarehouseCatalog cut =
        new WarehouseCatalog(
            "dev",
            List.of(
                new WarehouseCatalog.Database(
                    "WH",
                    List.of(
                        new WarehouseCatalog.Schema(
                            "WH",
                            "MAIN",
                            List.of(
                                new WarehouseCatalog.Relation(
                                    "WH", "MAIN", "orders", "table", "TABLE", List.of())))))),
            1,
            true,
            0,
            null);
    DatabaseExplorer c = DatabaseExplorer.merge(s, cut);
    assertTrue(c.cut());
    assertEquals("model.shop.Orders", c.relations().get(0).node().uniqueId(), "names ignore case");
    assertTrue(c.notBuilt().isEmpty());
  }

  private static String line(DatabaseExplorer.Relation r) {
    var w = r.relation();
    String where = w.database() + "." + w.schema() + "." + w.name() + " " + w.kind();
    return r.node() == null
        ? where + " -"
        : where
            + " "
            + r.node().uniqueId()
            + " "
            + (r.node().builds() ? "builds " : "reads ")
            + r.node().displayPath();
  }
}
