package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.PG_URL;
import static dev.dbtls.warehouse.Databases.open;
import static dev.dbtls.warehouse.Databases.target;
import static dev.dbtls.warehouse.ExplainTest.all;
import static dev.dbtls.warehouse.ExplainTest.find;
import static dev.dbtls.warehouse.ExplainTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.findings.PlanFindings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings from real plans of real databases: a 1M-row table in PostgreSQL (generate_series) and
 * DuckDB (range()), a 200k-row table in MariaDB.
 */
class PlanFindingsTest {
  @TempDir Path dir;

  static List<Finding> of(ExplainResult r, String kind) {
    return r.findings().stream().filter(f -> f.kind().equals(kind)).toList();
  }

  static Finding one(ExplainResult r, String kind) {
    List<Finding> found = of(r, kind);
    assertEquals(1, found.size(), () -> kind + " in " + r.findings() + "\n" + r.root());
    return found.get(0);
  }

  static boolean has(List<String> evidence, String text) {
    return evidence.stream().anyMatch(e -> e.contains(text));
  }

  @Test
  void postgresSelectiveFilterOnALargeTableSuggestsAnIndexUntilItExists() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_pf");
    Databases.exec(
        PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            // no parallel workers: PostgreSQL rounds each worker's rows, the test counts exactly
            "create table "
                + schema
                + ".orders with (autovacuum_enabled = false, parallel_workers = 0)"
                + " as select i as id, i % 100000 as customer_id, i % 1000 as created from generate_series(1, 1000000) i",
            "create table "
                + schema
                + ".customers as select i as id, 'c' || i as name"
                + " from generate_series(1, 1000) i",
            "analyze " + schema + ".orders",
            "analyze " + schema + ".customers"));
    String index = "dbtls_orders_customer_id_created_idx";
    try (Warehouse w = open(PostgresWarehouseTest.dev("schema", schema), Path.of("."))) {
      String query =
          "select * from " + schema + ".orders o where o.customer_id = 5" + " and o.created > 2";
      ExplainResult r = ok(Explain.run(w, query, false, null));
      assertEquals(1_000_000.0, r.tableRows().get(schema + ".orders"), r.tableRows().toString());
      Finding f = one(r, "seq-scan-selective-filter");
      PlanNode scan = find(r.root(), n -> n.id().equals(f.nodeId()));
      assertTrue(scan.operator().endsWith("Seq Scan"), scan.operator());
      assertEquals(schema, scan.schema());
      assertEquals("o", scan.alias());
      assertEquals(Finding.MEDIUM, f.confidence());
      assertTrue(
          has(f.evidence(), schema + ".orders: 1,000,000 rows (table statistics)"),
          f.evidence().toString());
      // PostgreSQL writes the filter its own way; equality columns come first all the same
      assertTrue(
          has(f.evidence(), "(customer_id = 5)") && has(f.evidence(), " keeps ~"),
          f.evidence().toString());
      IndexSuggestion s = f.index();
      assertEquals(List.of("customer_id", "created"), s.columns());
      assertEquals(index, s.name());
      assertEquals(
          "create index " + index + " on " + schema + ".orders (customer_id, created)",
          s.createSql());
      assertEquals("drop index " + schema + "." + index, s.rollbackSql());

      ExplainResult analyzed = ok(Explain.run(w, query, true, null));
      Finding measured = one(analyzed, "seq-scan-selective-filter");
      assertEquals(Finding.HIGH, measured.confidence());
      assertTrue(
          has(measured.evidence(), "keeps 10 (0.001%, measured)"), measured.evidence().toString());
      // the times: every node has its own time, the shares add up to the whole
      double shares = 0;
      for (PlanNode n : all(analyzed.root())) {
        assertNotNull(n.selfTimeMs(), n.toString());
        assertTrue(n.selfTimeMs() >= 0);
        shares += n.timeShare();
      }
      assertEquals(1.0, shares, 1e-6);
      assertEquals("0", analyzed.root().id());

      // with the suggested index, the same filter gives no finding
      Databases.exec(PG_URL, "postgres", List.of(s.createSql(), "analyze " + schema + ".orders"));
      ExplainResult indexed = ok(Explain.run(w, query, true, null));
      assertEquals(List.of(), of(indexed, "seq-scan-selective-filter"), indexed.root().toString());
      assertTrue(all(indexed.root()).stream().anyMatch(n -> index.equals(n.index())));
      Databases.exec(PG_URL, "postgres", List.of(s.rollbackSql()));
      assertEquals(0, count("select count(*) from pg_indexes where schemaname = '" + schema + "'"));

      // a small table gives none
      ExplainResult small =
          ok(
              Explain.run(
                  w, "select * from " + schema + ".customers where name = 'c5'", true, null));
      assertEquals(List.of(), small.findings());
      assertEquals(1000.0, small.tableRows().get(schema + ".customers"));
    } finally {
      Databases.exec(PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void postgresStaleStatisticsSpillsAndJoinsWithoutCondition() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_pf");
    Databases.exec(
        PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table "
                + schema
                + ".orders with (autovacuum_enabled = false) as select i as id,"
                + " i % 100 as status from generate_series(1, 1000000) i",
            "create table "
                + schema
                + ".customers as select i as id from generate_series(1, 1000) i",
            "analyze " + schema + ".orders",
            "analyze " + schema + ".customers",
            // after the statistics: status 7 becomes common, the planner still thinks it is 1 %
            "update " + schema + ".orders set status = 7 where id <= 300000"));
    try (Warehouse w = open(PostgresWarehouseTest.dev("schema", schema), Path.of("."))) {
      ExplainResult stale =
          ok(
              Explain.run(
                  w, "select count(*) from " + schema + ".orders where status = 7", true, null));
      Finding off = one(stale, "row-estimate-off");
      PlanNode scan = find(stale.root(), n -> n.id().equals(off.nodeId()));
      assertEquals("orders", scan.relation());
      assertTrue(off.title().contains("analyze " + schema + ".orders"), off.title());
      assertTrue(has(off.evidence(), "statistics may be stale"), off.evidence().toString());

      ExplainResult sort =
          ok(Explain.run(w, "select * from " + schema + ".orders order by status, id", true, null));
      Finding spill = one(sort, "spill-to-disk");
      PlanNode sortNode = find(sort.root(), n -> n.id().equals(spill.nodeId()));
      assertEquals("Sort", sortNode.operator());
      assertEquals("Disk", sortNode.property("Sort Space Type"));
      assertTrue(has(spill.evidence(), "kB on disk"), spill.evidence().toString());
      assertEquals(Finding.HIGH, spill.confidence());

      // a hash of a million rows does not fit in work_mem either: it goes in batches
      ExplainResult hash =
          ok(
              Explain.run(
                  w,
                  "select count(*) from "
                      + schema
                      + ".orders a join "
                      + schema
                      + ".orders b on a.id = b.id",
                  true,
                  null));
      Finding batches = one(hash, "spill-to-disk");
      PlanNode hashNode = find(hash.root(), n -> n.id().equals(batches.nodeId()));
      assertTrue(hashNode.operator().endsWith("Hash"), hashNode.operator());
      assertTrue(Integer.parseInt(hashNode.property("Hash Batches")) > 1);
      assertTrue(has(batches.evidence(), "hash batches "), batches.evidence().toString());

      ExplainResult cross =
          ok(
              Explain.run(
                  w,
                  "select * from " + schema + ".orders o, " + schema + ".customers c",
                  false,
                  null));
      Finding missing = one(cross, "join-without-condition");
      assertEquals(
          "Nested Loop", find(cross.root(), n -> n.id().equals(missing.nodeId())).operator());
      Finding large = one(cross, "nested-loop-large");
      assertEquals(missing.nodeId(), large.nodeId());
      assertTrue(
          has(large.evidence(), "inner side: 1,000 rows for each outer row")
              || has(large.evidence(), "outer side: 1,000 rows"),
          large.evidence().toString());

      ExplainResult joined =
          ok(
              Explain.run(
                  w,
                  "select * from "
                      + schema
                      + ".orders o join "
                      + schema
                      + ".customers c on o.id = c.id",
                  false,
                  null));
      assertEquals(List.of(), of(joined, "join-without-condition"));
      assertEquals(List.of(), of(joined, "nested-loop-large"));
    } finally {
      Databases.exec(PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }

  private Warehouse duckdb() throws Exception {
    Path file = dir.resolve("shop.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "create table orders as select i as id, i % 100000 as customer_id"
              + " from range(1000000) t(i)");
      s.execute("create table customers as select i as id from range(1000) t(i)");
    }
    return open(target("dev", "type", "duckdb", "path", "shop.duckdb"), dir);
  }

  @Test
  void duckdbPointFilterSuggestsAnArtIndexAndACrossProductIsFound() throws Exception {
    IndexSuggestion suggested;
    try (Warehouse w = duckdb()) {
      ExplainResult r =
          ok(Explain.run(w, "select * from orders where customer_id = 5", true, null));
      assertEquals(1_000_000.0, r.tableRows().get("main.orders"), r.tableRows().toString());
      Finding f = one(r, "seq-scan-selective-filter");
      assertEquals(Finding.MEDIUM, f.confidence());
      assertTrue(has(f.evidence(), "ART indexes"), f.evidence().toString());
      assertTrue(has(f.evidence(), "keeps 10 (0.001%, measured)"), f.evidence().toString());
      assertEquals(
          "create index dbtls_orders_customer_id_idx on main.orders (customer_id)",
          f.index().createSql());
      assertEquals("drop index main.dbtls_orders_customer_id_idx", f.index().rollbackSql());
      double shares =
          all(r.root()).stream().mapToDouble(n -> n.timeShare() == null ? 0 : n.timeShare()).sum();
      assertEquals(1.0, shares, 1e-6);
      suggested = f.index();

      // a range filter: an ART index would not help, so no finding
      ExplainResult range =
          ok(Explain.run(w, "select * from orders where id > 999990", true, null));
      assertEquals(List.of(), of(range, "seq-scan-selective-filter"));

      ExplainResult cross = ok(Explain.run(w, "select * from orders o, customers c", false, null));
      Finding missing = one(cross, "join-without-condition");
      assertEquals(
          "CROSS_PRODUCT", find(cross.root(), n -> n.id().equals(missing.nodeId())).operator());
      assertTrue(has(missing.evidence(), "1,000,000"), missing.evidence().toString());
    }
    // the SQL is DuckDB's: it creates the index and takes it away (the target is read-only)
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("shop.duckdb"));
        Statement s = c.createStatement()) {
      s.execute(suggested.createSql());
      try (ResultSet rs = s.executeQuery("select index_name from duckdb_indexes()")) {
        assertTrue(rs.next());
        assertEquals(suggested.name(), rs.getString(1));
      }
      s.execute(suggested.rollbackSql());
      try (ResultSet rs = s.executeQuery("select count(*) from duckdb_indexes()")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
    }
  }

  @Test
  void mariadbFullScanWithSelectiveFilterASpillAndABlockNestedLoopWithoutCondition()
      throws Exception {
    Databases.requireServer(3306);
    String table = Databases.unique("dbtls_pf");
    String small = Databases.unique("dbtls_pf");
    Databases.exec(
        Databases.MARIADB_URL,
        "root",
        List.of(
            "create table " + table + " (id int primary key, amount int)",
            "insert into " + table + " select seq, seq % 50000 from seq_1_to_200000",
            "create table " + small + " (id int primary key, name varchar(10))",
            "insert into " + small + " select seq, concat('c', seq) from seq_1_to_100",
            "analyze table " + table + ", " + small));
    try (Warehouse w = open(MariaDbWarehouseTest.dev("mariadb"), Path.of("."))) {
      ExplainResult r =
          ok(Explain.run(w, "select * from " + table + " o where o.amount = 5", true, null));
      assertTrue(r.analyzed());
      PlanNode scan = find(r.root(), n -> table.equals(n.relation()));
      assertEquals("Full Table Scan", scan.operator());
      assertEquals("o", scan.alias());
      assertEquals("test", scan.schema());
      assertEquals("o.amount = 5", scan.filter());
      assertEquals(4.0, scan.actualRows(), 1e-9);
      assertNotNull(scan.selfTimeMs());
      Finding f = one(r, "seq-scan-selective-filter");
      assertEquals(scan.id(), f.nodeId());
      assertEquals(Finding.HIGH, f.confidence());
      String index = "dbtls_" + table + "_amount_idx";
      assertEquals(
          "create index " + index + " on test." + table + " (amount)", f.index().createSql());
      assertEquals("drop index " + index + " on test." + table, f.index().rollbackSql());
      Databases.exec(Databases.MARIADB_URL, "root", List.of(f.index().createSql()));
      ExplainResult indexed =
          ok(Explain.run(w, "select * from " + table + " o where o.amount = 5", true, null));
      assertEquals(List.of(), of(indexed, "seq-scan-selective-filter"));
      assertEquals(index, find(indexed.root(), n -> table.equals(n.relation())).index());
      Databases.exec(Databases.MARIADB_URL, "root", List.of(f.index().rollbackSql()));

      ExplainResult cross =
          ok(
              Explain.run(
                  w,
                  "select * from " + table + " o, " + small + " c where o.amount < 10",
                  true,
                  null));
      Finding missing = one(cross, "join-without-condition");
      PlanNode loop = find(cross.root(), n -> n.id().equals(missing.nodeId()));
      assertEquals("Block Nested Loop", loop.operator());
      assertNull(loop.condition());

      // a sort larger than the sort buffer merges through temporary files
      ExplainResult sorted =
          ok(Explain.run(w, "select * from " + table + " order by amount, id", true, null));
      Finding spill = one(sorted, "spill-to-disk");
      assertEquals("Filesort", find(sorted.root(), n -> n.id().equals(spill.nodeId())).operator());
      assertTrue(has(spill.evidence(), "r_sort_passes "), spill.evidence().toString());

      ExplainResult joined =
          ok(
              Explain.run(
                  w,
                  "select * from " + table + " o join " + small + " c on o.id = c.id",
                  true,
                  null));
      assertEquals(List.of(), of(joined, "join-without-condition"), joined.root().toString());
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY,
          Explain.run(w, "delete from " + table, true, null).error().code());
    } finally {
      Databases.exec(
          Databases.MARIADB_URL,
          "root",
          List.of("drop table if exists " + table, "drop table if exists " + small));
    }
  }

  @Test
  void filterColumnsAreTheEqualityColumnsThenOneRangeColumn() {
    assertEquals(
        List.of("customer_id", "status"),
        FilterColumns.of("((status > 3) AND (customer_id = 5))").indexColumns());
    assertEquals(
        List.of("customer_id"),
        FilterColumns.of("(customer_id = ANY ('{1,2,3}'::integer[]))").indexColumns());
    assertEquals(
        List.of("amount"),
        FilterColumns.of("o.amount = 5 and o.customer_id is not null").indexColumns());
    assertEquals(List.of("name"), FilterColumns.of("((name)::text = 'x'::text)").indexColumns());
    FilterColumns duck = FilterColumns.of("customer_id=5 AND status>=1 AND status<=2");
    assertEquals(List.of("customer_id"), duck.equality());
    assertEquals(List.of("status"), duck.range());
    assertEquals(List.of("id"), FilterColumns.of("id IN (1, 2, 3)").equality());
    assertEquals(List.of("d"), FilterColumns.of("d between 1 and 5").range());
    // nothing an index on plain columns serves
    assertEquals(List.of(), FilterColumns.of("((a = 1) OR (b = 2))").indexColumns());
    assertEquals(List.of(), FilterColumns.of("(a = b)").indexColumns());
    assertEquals(List.of(), FilterColumns.of("lower(name) = 'x'").indexColumns());
    assertEquals(List.of(), FilterColumns.of("not ( sql").indexColumns());
    assertEquals(List.of(), FilterColumns.of(null).indexColumns());
  }

  @Test
  void noPlanNoFindings() {
    assertEquals(List.of(), PlanFindings.of(null, "postgres", null, true));
  }

  /** MySQL 8's JSON as its documentation shows it (no MySQL server here to capture one). */
  @Test
  void mysqlJsonFromItsDocumentedShape() throws Exception {
    String json =
        """
        {"query_block": {"select_id": 1, "cost_info": {"query_cost": "20300.50"},
          "ordering_operation": {"using_filesort": true,
            "table": {"table_name": "o", "access_type": "ALL", "rows_examined_per_scan": 200000,
              "rows_produced_per_join": 20, "filtered": "0.01",
              "cost_info": {"read_cost": "20000.00", "prefix_cost": "20300.50"},
              "used_columns": ["id", "amount"],
              "attached_condition": "(`shop`.`o`.`amount` = 5)"}}}}""";
    PlanNode root =
        MySqlPlan.read(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json),
                TableAliases.of("select * from shop.orders o where o.amount = 5 order by id"))
            .finish();
    assertEquals(20300.5, root.estimatedCost());
    PlanNode ordering = root.children().get(0);
    assertEquals("Ordering", ordering.operator());
    PlanNode scan = ordering.children().get(0);
    assertEquals(
        List.of("Full Table Scan", "orders", "shop", "o", "0.0.0"),
        List.of(scan.operator(), scan.relation(), scan.schema(), scan.alias(), scan.id()));
    assertEquals(20.0, scan.estimatedRows(), 1e-9);
    List<Finding> findings =
        PlanFindings.of(root, "mysql", java.util.Map.of("shop.orders", 200000.0), false);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(
        "create index dbtls_orders_amount_idx on shop.orders (amount)",
        findings.get(0).index().createSql());
    assertEquals(
        "drop index dbtls_orders_amount_idx on shop.orders", findings.get(0).index().rollbackSql());
  }
}
