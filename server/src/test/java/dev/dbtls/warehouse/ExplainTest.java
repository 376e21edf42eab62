package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.PG_URL;
import static dev.dbtls.warehouse.Databases.open;
import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans from real DuckDB, SQLite and PostgreSQL (skipped when its server does not answer). */
class ExplainTest {
  @TempDir Path dir;

  static ExplainResult ok(ExplainResult r) {
    if (!r.ok()) {
      throw new AssertionError(r.error());
    }
    return r;
  }

  static List<PlanNode> all(PlanNode root) {
    List<PlanNode> out = new ArrayList<>();
    if (root != null) {
      out.add(root);
      root.children().forEach(c -> out.addAll(all(c)));
    }
    return out;
  }

  static PlanNode find(PlanNode root, Predicate<PlanNode> p) {
    return all(root).stream()
        .filter(p)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no such node in " + root));
  }

  private Warehouse duckdb() throws Exception {
    Path file = dir.resolve("shop.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "create table orders as select i as id, i % 10 as customer_id"
              + " from range(100000) t(i)");
      s.execute("create table customers as select i as id, 'c' || i as name from range(10) t(i)");
    }
    return open(target("dev", "type", "duckdb", "path", "shop.duckdb"), dir);
  }

  @Test
  void duckdbPlanHasAScanWithEstimatesAndAnalyzeHasActualRows() throws Exception {
    try (Warehouse w = duckdb()) {
      ExplainResult r =
          ok(
              Explain.run(
                  w,
                  "select o.id, c.name from orders o join customers c"
                      + " on o.customer_id = c.id where o.id > 50000",
                  false,
                  null));
      assertFalse(r.analyzed());
      assertTrue(r.raw().startsWith("["), r.raw());
      PlanNode scan = find(r.root(), n -> "orders".equals(last(n.relation())));
      assertEquals("SEQ_SCAN", scan.operator());
      assertEquals("id>50000", scan.condition());
      assertNotNull(scan.estimatedRows());
      assertNull(scan.actualRows());
      PlanNode join = find(r.root(), n -> n.operator().equals("HASH_JOIN"));
      assertEquals(2, join.children().size());
      assertNotNull(join.condition());
      assertEquals("INNER", join.joinType());
      assertEquals("main", scan.schema());
      assertEquals(100000.0, r.tableRows().get("main.orders"), r.tableRows().toString());

      ExplainResult cte =
          ok(
              Explain.run(
                  w,
                  "with big as materialized (select * from orders"
                      + " where id > 10) select count(*) from big",
                  false,
                  null));
      assertEquals("big", find(cte.root(), n -> n.operator().equals("CTE_SCAN")).cte());

      ExplainResult a = ok(Explain.run(w, "select * from orders where id > 50000", true, null));
      assertTrue(a.analyzed());
      PlanNode analyzed = find(a.root(), n -> "orders".equals(last(n.relation())));
      assertEquals(49999.0, analyzed.actualRows());
      assertNotNull(analyzed.actualTimeMs());
      assertNotNull(analyzed.estimatedRows());
    }
  }

  @Test
  void refusesWhatIsNotOneQuery() throws Exception {
    try (Warehouse w = duckdb()) {
      ExplainResult write = Explain.run(w, "delete from orders", true, null);
      assertEquals(ProblemCode.WAREHOUSE_NOT_A_QUERY, write.error().code());
      assertEquals(
          "explain only explains queries, and this is delete statement",
          write.error().message().replace("a delete", "delete"));
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY, Explain.run(w, "  ", false, null).error().code());
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY,
          Explain.run(w, "select 1; select 2", false, null).error().code());
      ExplainResult broken = Explain.run(w, "select * from no_such_table", false, null);
      assertEquals(ProblemCode.WAREHOUSE_QUERY, broken.error().code());
      assertNull(broken.root());
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY, Explain.run(w, null, false, null).error().code());
      QueryCancel cancel = new QueryCancel();
      cancel.cancel();
      assertEquals(
          ProblemCode.WAREHOUSE_CANCELLED,
          Explain.run(w, "select 1", false, cancel).error().code());
    }
  }

  @Test
  void sqlitePlanRowsBecomeATree() throws Exception {
    Path file = dir.resolve("etl.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("create table orders (id integer, customer_id integer)");
      s.execute("create table customers (id integer primary key, name text)");
      s.execute("create index orders_customer on orders (customer_id)");
    }
    try (Warehouse w =
        open(
            target(
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
                Map.of("main", "etl.db")),
            dir)) {
      ExplainResult r =
          ok(
              Explain.run(
                  w,
                  "select * from orders where customer_id = 3"
                      + " union all select id, id from customers",
                  false,
                  null));
      assertEquals("COMPOUND QUERY", r.root().operator());
      PlanNode search = find(r.root(), n -> "orders".equals(n.relation()));
      assertEquals("SEARCH", search.operator());
      assertEquals("orders_customer", search.index());
      assertEquals("customer_id=?", search.condition());
      assertEquals("SEARCH orders USING INDEX orders_customer (customer_id=?)", search.detail());
      PlanNode scan = find(r.root(), n -> "customers".equals(n.relation()));
      assertEquals("SCAN", scan.operator());
      assertTrue(r.raw().contains("SCAN customers"), r.raw());
    }
  }

  @Test
  void sqliteDetailsAreRead() {
    PlanNode n = Explain.sqliteNode("SCAN t USING COVERING INDEX i", List.of()).finish();
    assertEquals(List.of("SCAN", "t", "i"), List.of(n.operator(), n.relation(), n.index()));
    assertNull(n.condition());
    PlanNode temp = Explain.sqliteNode("USE TEMP B-TREE FOR ORDER BY", List.of()).finish();
    assertEquals("USE TEMP B-TREE FOR ORDER BY", temp.operator());
    assertNull(temp.relation());
    assertEquals("", Explain.sqliteNode(null, null).finish().operator());
  }

  private static String last(String qualified) {
    return qualified == null ? null : qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  @Test
  void postgresSeqScanWithFilterAndAnAnalyzeThatLeavesNothingOpen() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_x");
    Databases.exec(
        PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table "
                + schema
                + ".orders as select i as id, i % 10 as customer_id"
                + " from generate_series(1, 20000) i",
            "analyze " + schema + ".orders"));
    try (Warehouse w = open(PostgresWarehouseTest.dev("schema", schema), Path.of("."))) {
      ExplainResult r =
          ok(
              Explain.run(
                  w, "select * from " + schema + ".orders where customer_id = 3", false, null));
      PlanNode scan = find(r.root(), n -> "orders".equals(n.relation()));
      assertEquals("Seq Scan", scan.operator());
      assertEquals("(customer_id = 3)", scan.condition());
      assertNotNull(scan.estimatedRows());
      assertNotNull(scan.estimatedCost());
      assertNull(scan.actualRows());

      ExplainResult a =
          ok(
              Explain.run(
                  w, "select * from " + schema + ".orders where customer_id = 3", true, null));
      assertTrue(a.analyzed());
      PlanNode actual = find(a.root(), n -> "orders".equals(n.relation()));
      assertEquals(2000.0, actual.actualRows());
      assertNotNull(actual.actualTimeMs());
      assertEquals(1L, actual.loops());
      // the connection went back to the pool with no transaction open
      try (Connection c = w.connection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from pg_stat_activity where state like"
                      + " 'idle in transaction%' and datname = 'test' and pid = pg_backend_pid()")) {
        assertTrue(c.getAutoCommit());
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
      ExplainResult write =
          Explain.run(w, "insert into " + schema + ".orders values (1, 1)", true, null);
      assertEquals(ProblemCode.WAREHOUSE_NOT_A_QUERY, write.error().code());
      ExplainResult writingCte =
          Explain.run(
              w,
              "with d as (delete from " + schema + ".orders returning *) select * from d",
              true,
              null);
      assertFalse(writingCte.ok());
    } finally {
      Databases.exec(PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
      assertFalse(Files.exists(Path.of("nothing")));
    }
  }

  @Test
  void mariadbPlanBecomesATreeAndAnalyzeRunsTheQuery() throws Exception {
    Databases.requireServer(3306);
    String table = Databases.unique("dbtls_x");
    String other = Databases.unique("dbtls_x");
    Databases.exec(
        Databases.MARIADB_URL,
        "root",
        List.of(
            "create table " + table + " (id int primary key, v int)",
            "insert into " + table + " values (1, 1), (2, 2), (3, 2)",
            "create table " + other + " (id int, name varchar(10))",
            "insert into " + other + " values (1, 'a'), (2, 'b')"));
    try (Warehouse w = open(MariaDbWarehouseTest.dev("mariadb"), Path.of("."))) {
      String query =
          "select t.id, o.name from "
              + table
              + " t join "
              + other
              + " o on o.id = t.id where t.v = 2 order by o.name";
      ExplainResult plan = ok(Explain.run(w, query, false, null));
      assertFalse(plan.analyzed());
      assertTrue(plan.raw().contains("\"query_block\""), plan.raw());
      PlanNode scan = find(plan.root(), n -> table.equals(n.relation()));
      assertEquals("t", scan.alias());
      assertEquals("test", scan.schema());
      assertNotNull(scan.estimatedRows());
      assertNull(scan.actualRows());
      assertEquals(3.0, plan.tableRows().get("test." + table), plan.tableRows().toString());

      ExplainResult r = ok(Explain.run(w, query, true, null));
      assertTrue(r.analyzed());
      assertTrue(r.sql().startsWith("analyze format=json "), r.sql());
      assertEquals("Query Block", r.root().operator());
      PlanNode t = find(r.root(), n -> table.equals(n.relation()));
      PlanNode o = find(r.root(), n -> other.equals(n.relation()));
      assertEquals("o", o.alias());
      assertNotNull(t.selfTimeMs());
      assertNotNull(find(r.root(), n -> n.operator().equals("Filesort")));
      // the join: a block nested loop over both tables, its rows measured
      PlanNode join = find(r.root(), n -> n.operator().endsWith("Nested Loop"));
      assertEquals(2, join.children().size());
      assertEquals(1.0, join.actualRows(), 1e-9); // ids 2, 3 of t meet ids 1, 2 of o
      double shares =
          all(r.root()).stream().mapToDouble(n -> n.timeShare() == null ? 0 : n.timeShare()).sum();
      assertEquals(1.0, shares, 1e-6);
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY,
          Explain.run(w, "delete from " + table, false, null).error().code());
    } finally {
      Databases.exec(
          Databases.MARIADB_URL,
          "root",
          List.of("drop table if exists " + table, "drop table if exists " + other));
    }
  }

  @Test
  void postgresCteScanNamesItsCteAndSelfTimesAddUp() throws Exception {
    Databases.requireServer(5432);
    String schema = Databases.unique("dbtls_x");
    Databases.exec(
        PG_URL,
        "postgres",
        List.of(
            "create schema " + schema,
            "create table "
                + schema
                + ".orders as select i as id, i % 10 as customer_id"
                + " from generate_series(1, 20000) i",
            "analyze " + schema + ".orders"));
    try (Warehouse w = open(PostgresWarehouseTest.dev("schema", schema), Path.of("."))) {
      ExplainResult r =
          ok(
              Explain.run(
                  w,
                  "with big as materialized (select * from "
                      + schema
                      + ".orders where customer_id > 2) select b.customer_id, count(*) from big b"
                      + " group by b.customer_id",
                  true,
                  null));
      PlanNode cteScan = find(r.root(), n -> n.operator().equals("CTE Scan"));
      assertEquals("big", cteScan.cte());
      assertEquals("b", cteScan.alias());
      PlanNode scan = find(r.root(), n -> "orders".equals(n.relation()));
      assertEquals(schema, scan.schema());
      assertEquals("(customer_id > 2)", scan.filter());
      assertEquals("6000", scan.property("Rows Removed by Filter"));
      assertEquals(20000.0, r.tableRows().get(schema + ".orders"));
      double shares = 0;
      for (PlanNode n : all(r.root())) {
        assertTrue(
            n.selfTimeMs() >= 0 && n.selfTimeMs() <= r.root().actualTimeMs() + 1e-6, n.toString());
        shares += n.timeShare();
        for (int i = 0; i < n.children().size(); i++) {
          assertEquals(n.id() + "." + i, n.children().get(i).id());
        }
      }
      assertEquals(1.0, shares, 1e-6);
      assertEquals(List.of(), r.findings());
    } finally {
      Databases.exec(PG_URL, "postgres", List.of("drop schema if exists " + schema + " cascade"));
    }
  }
}
