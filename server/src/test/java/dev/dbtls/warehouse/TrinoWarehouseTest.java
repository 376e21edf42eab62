package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.ok;
import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every headline command on a real Trino server (started by test-projects/trino/trino-server.sh,
 * its tpch and memory catalogs): preview with typed and nested columns, paging, a cancel that Trino
 * itself records, the distributed plan and explain analyze in stages, the catalog, and the guard's
 * refusals.
 */
class TrinoWarehouseTest {
  @TempDir Path dir;

  @BeforeAll
  static void server() {
    TrinoServer.require();
  }

  private Warehouse open(String catalog, String schema) {
    return Databases.open(
        target(
            "dev",
            "type",
            "trino",
            "method",
            "none",
            "host",
            "127.0.0.1",
            "port",
            TrinoServer.port(),
            "user",
            "dbtls",
            "database",
            catalog,
            "schema",
            schema),
        dir);
  }

  @Test
  void previewsTypedNestedAndPagedRows() {
    try (Warehouse w = open("tpch", "tiny")) {
      PreviewResult r =
          ok(
              Preview.run(
                  w,
                  "select orderkey, orderstatus, totalprice, orderdate,"
                      + " array[orderkey, custkey] as keys,"
                      + " cast(row(orderkey, orderpriority) as row(k bigint, p varchar)) as r,"
                      + " map(array['a'], array[1]) as m"
                      + " from orders order by orderkey",
                  PreviewOptions.defaults().withLimit(1000).withPage(100, 1L << 20)));
      assertEquals(
          List.of(
              "orderkey:bigint",
              "orderstatus:varchar(1)",
              "totalprice:double",
              "orderdate:date",
              "keys:array(bigint)",
              "r:row(k bigint,p varchar)",
              "m:map(varchar(1),integer)"),
          r.columns().stream().map(c -> c.name() + ":" + c.databaseType()).toList());
      assertEquals(100, r.rows().size());
      List<Object> first = r.rows().get(0);
      assertEquals(1L, ((Number) first.get(0)).longValue());
      assertEquals("[1,370]", String.valueOf(first.get(4)).replace(" ", ""));
      assertTrue(String.valueOf(first.get(5)).contains("5-LOW"), String.valueOf(first.get(5)));
      assertNotNull(r.cursor());
      PreviewPage p2 =
          Preview.page(w, r.cursor(), PreviewOptions.defaults().withPage(100, 1L << 20));
      assertTrue(p2.ok(), String.valueOf(p2.error()));
      assertEquals(100, p2.rows().size());
      Preview.close(w, p2.cursor());
    }
  }

  @Test
  void exportsEveryRowToAFile() throws Exception {
    try (Warehouse w = open("tpch", "tiny")) {
      Path file = dir.resolve("nations.csv");
      dev.dbtls.store.export.ExportResult r =
          ResultExport.run(
              w,
              "select nationkey, name from nation order by nationkey",
              file,
              dev.dbtls.store.export.ExportFormat.CSV,
              PreviewOptions.defaults());
      assertTrue(r.ok(), r.error());
      assertEquals(25, r.rows());
      List<String> lines = java.nio.file.Files.readAllLines(file);
      assertEquals("nationkey,name", lines.get(0));
      assertEquals("0,ALGERIA", lines.get(1));
    }
  }

  @Test
  void aCancelledPreviewStopsTheQueryInTrino() throws Exception {
    try (Warehouse w = open("tpch", "sf100")) {
      QueryCancel cancel = new QueryCancel();
      String marker = "dbtls_cancel_" + System.nanoTime();
      CompletableFuture<PreviewResult> run =
          CompletableFuture.supplyAsync(
              () ->
                  Preview.run(
                      w,
                      "select count(*) as " + marker + " from lineitem where comment like '%zz%'",
                      PreviewOptions.defaults().withCancel(cancel)));
      TrinoServer.awaitRunning(marker);
      long t0 = System.nanoTime();
      cancel.cancel();
      PreviewResult r = run.get();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, r.error().code(), r.error().message());
      assertTrue(ms < 5000, "cancelled after " + ms + " ms");
      // Trino itself says the query ended, cancelled by its user
      assertEquals("FAILED USER_CANCELED", TrinoServer.awaitEnded(marker));
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
    }
  }

  @Test
  void explainsInStagesAndAnalyzes() {
    try (Warehouse w = open("tpch", "tiny")) {
      String q =
          "select o.orderpriority, count(*) as n from orders o join customer c"
              + " on c.custkey = o.custkey where c.mktsegment = 'BUILDING' group by 1";
      ExplainResult plan = Explain.run(w, q, false, null);
      assertNull(plan.error());
      assertFalse(plan.analyzed());
      assertEquals("Output", plan.root().operator());
      assertTrue(plan.raw().contains("Fragment 1"), plan.raw());
      ExplainResult analyzed = Explain.run(w, q, true, null);
      assertNull(analyzed.error());
      assertTrue(analyzed.analyzed());
      List<PlanNode> scans = new java.util.ArrayList<>();
      collect(analyzed.root(), scans);
      assertEquals(List.of("orders", "customer"), scans.stream().map(PlanNode::relation).toList());
      for (PlanNode scan : scans) {
        assertNotNull(scan.actualRows(), scan.operator());
      }
      // the customers are read in a stage of their own and broadcast to the join
      assertNotNull(scans.get(1).property("Stage"), scans.get(1).properties().toString());
      double shares = analyzed.root().timeShare() == null ? 0 : sumShares(analyzed.root());
      assertEquals(1.0, shares, 0.01);
    }
  }

  private static double sumShares(PlanNode n) {
    double s = n.timeShare() == null ? 0 : n.timeShare();
    for (PlanNode c : n.children()) {
      s += sumShares(c);
    }
    return s;
  }

  private static void collect(PlanNode n, List<PlanNode> out) {
    if (n.relation() != null) {
      out.add(n);
    }
    n.children().forEach(c -> collect(c, out));
  }

  @Test
  void theCatalogIsTheTargetsCatalogWithTypedColumns() {
    try (Warehouse w = open("memory", "dbtls")) {
      WarehouseCatalog catalog = WarehouseCatalog.read(w, new QueryCancel());
      assertNull(catalog.error());
      assertEquals(List.of("memory"), catalog.databases().stream().map(d -> d.name()).toList());
      var customers =
          catalog.databases().get(0).schemas().stream()
              .filter(s -> s.name().equals("dbtls"))
              .flatMap(s -> s.relations().stream())
              .filter(rel -> rel.name().equals("customers"))
              .findFirst()
              .orElseThrow();
      assertFalse(customers.columns().isEmpty());
    }
  }

  @Test
  void keysAreNoneAndSayNothingWrong() {
    // Trino declares no primary or foreign keys: the ERD draws relations from the project's tests
    try (Warehouse w = open("memory", "dbtls")) {
      WarehouseForeignKeys keys = WarehouseForeignKeys.read(w, null);
      assertNull(keys.error(), String.valueOf(keys.error()));
      assertEquals(List.of(), keys.keys());
    }
  }

  @Test
  void theGuardRefusesTrinosWritesAndProcedures() {
    try (Warehouse w = open("memory", "dbtls")) {
      for (String sql :
          List.of(
              "insert into customers select * from customers",
              "call system.runtime.kill_query(query_id => 'x', message => 'y')",
              "alter table customers execute optimize",
              "select * from table(system.query(query => 'delete from t'))",
              "create table x as select 1 as a")) {
        PreviewResult r = Preview.run(w, sql, null);
        assertFalse(r.ok(), sql);
        assertEquals(ProblemCode.WAREHOUSE_NOT_A_QUERY, r.error().code(), sql);
      }
    }
  }
}
