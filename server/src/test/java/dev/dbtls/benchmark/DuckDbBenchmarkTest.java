package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.Preview;
import dev.dbtls.warehouse.PreviewOptions;
import dev.dbtls.warehouse.PreviewResult;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test on a DuckDB file: the pool reads it read-only, the index is built on
 * in-memory copies, and the file afterwards holds exactly what it held before.
 */
class DuckDbBenchmarkTest {
  // a string filter: a scan compares a million strings, the index finds the few rows at once
  static final String QUERY = "select * from orders where email = 'customer4242@example.com'";
  static final String INDEX = "create index orders_email_ix on orders (email)";

  @TempDir static Path dir;
  static Path file;

  @BeforeAll
  static void orders() throws Exception {
    file = dir.resolve("shop.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "create table orders as select i as id, (hash(i) % 100003)::int as customer_id,"
              + " i * 1.5 as amount, 'note ' || i as note from range(1000000) t(i)");
      s.execute("alter table orders add column email varchar");
      s.execute("update orders set email = 'customer' || customer_id || '@example.com'");
      s.execute("create schema sales");
      s.execute(
          "create table sales.customers as select i as id, 'c' || i as name"
              + " from range(1000) t(i)");
    }
  }

  static Warehouse open() {
    return Databases.open(
        Databases.target("dev", "type", "duckdb", "path", file.toString(), "threads", 1), dir);
  }

  @Test
  void anIndexOnInMemoryCopiesIsFasterAndTheFileIsUntouched() throws Exception {
    BenchmarkPlan plan =
        BenchmarkPlan.of(
                List.of(
                    Variant.of("baseline", QUERY),
                    new Variant("with index on email", QUERY, List.of(INDEX))))
            .withRuns(2, 20);
    try (Warehouse w = open()) {
      BenchmarkResult r = Benchmark.run(w, plan, new QueryCancel(), null);
      assertEquals(BenchmarkResult.Status.COMPLETED, r.status(), String.valueOf(r.error()));
      String label = "sandbox: in-memory copy of main.orders (1,000,000 rows)";
      assertEquals(label, r.variants().get(0).sandbox());
      assertEquals(label, r.variants().get(1).sandbox());
      long rows = r.variants().get(0).stats().rows();
      assertTrue(rows > 0 && rows < 100, "rows " + rows);
      assertEquals(rows, r.variants().get(1).stats().rows());
      Comparison c = r.comparisons().get(0);
      assertEquals(Comparison.Verdict.FASTER, c.verdict(), c.summary());
      assertTrue(c.high() < 0.5, c.summary());
      assertTrue(r.notes().stream().anyMatch(n -> n.contains("DuckDB has no result cache")));
      assertTrue(r.notes().stream().anyMatch(n -> n.contains("the database file was only read")));
      assertNull(r.variants().get(0).report());
    }
    assertFileUntouched();
  }

  @Test
  void largeTablesAreSampledAlikeForEveryVariant() throws Exception {
    String join =
        "select o.id, c.name from main.orders o join sales.customers c"
            + " on c.id = o.customer_id % 1000 where o.customer_id between 100 and 200";
    BenchmarkPlan plan =
        BenchmarkPlan.of(
                List.of(Variant.of("baseline", join), new Variant("indexed", join, List.of(INDEX))))
            .withRuns(0, 2)
            .withSampleRows(100_000);
    try (Warehouse w = open()) {
      BenchmarkResult r = Benchmark.run(w, plan, null, null);
      assertEquals(BenchmarkResult.Status.COMPLETED, r.status(), String.valueOf(r.error()));
      assertEquals(
          "sandbox: in-memory copy of 100,000 sampled rows of main.orders (of 1,000,000),"
              + " sales.customers (1,000 rows)",
          r.variants().get(1).sandbox());
      // the same sample on both sides: the same rows come back
      assertTrue(r.variants().get(0).stats().rows() > 0);
      assertEquals(r.variants().get(0).stats().rows(), r.variants().get(1).stats().rows());
      assertEquals(Comparison.Verdict.NOT_ENOUGH_RUNS, r.comparisons().get(0).verdict());
    }
    assertFileUntouched();
  }

  @Test
  void copiesUnderTheNamesTheQueryUsesThroughTheTargetsSchema() throws Exception {
    // the target's schema is sales: 'customers' is sales.customers; 'big' is a CTE, not a table
    String sql =
        "with big as (select * from shop.main.orders where customer_id < 50)"
            + " select c.name, count(*) as n from big join customers c on c.id = big.customer_id"
            + " group by c.name";
    BenchmarkPlan plan =
        BenchmarkPlan.of(
                List.of(
                    Variant.of("baseline", sql),
                    new Variant(
                        "indexed", sql, List.of("create index ix on main.orders (customer_id)"))))
            .withRuns(0, 1);
    try (Warehouse w =
        Databases.open(
            Databases.target("dev", "type", "duckdb", "path", file.toString(), "schema", "sales"),
            dir)) {
      BenchmarkResult r = Benchmark.run(w, plan, null, null);
      assertEquals(BenchmarkResult.Status.COMPLETED, r.status(), String.valueOf(r.error()));
      assertEquals(
          "sandbox: in-memory copy of main.orders (1,000,000 rows), sales.customers"
              + " (1,000 rows)",
          r.variants().get(0).sandbox());
      assertTrue(r.variants().get(0).stats().rows() > 0);
      assertEquals(r.variants().get(0).stats().rows(), r.variants().get(1).stats().rows());
    }
    assertFileUntouched();
  }

  @Test
  void aCancelledBenchmarkLeavesNothingBehind() throws Exception {
    String slow = "select count(*) from orders a, orders b where a.id + b.id = -1";
    BenchmarkPlan plan =
        BenchmarkPlan.of(
            List.of(Variant.of("baseline", slow), new Variant("indexed", slow, List.of(INDEX))));
    QueryCancel cancel = new QueryCancel();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (Warehouse w = open()) {
      timer.schedule(cancel::cancel, 2, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      BenchmarkResult r = Benchmark.run(w, plan, cancel, null);
      assertEquals(BenchmarkResult.Status.CANCELLED, r.status(), String.valueOf(r.error()));
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, r.error().code());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "not stopped");
      PreviewResult after =
          Preview.run(w, "select count(*) from orders", PreviewOptions.defaults());
      assertTrue(after.ok(), String.valueOf(after.error()));
      assertEquals(1000000L, ((Number) after.rows().get(0).get(0)).longValue());
    } finally {
      timer.shutdownNow();
    }
    assertFileUntouched();
  }

  @Test
  void writesAreRefusedAndPlainQueriesRunOnThePool() {
    try (Warehouse w = open()) {
      BenchmarkResult write =
          Benchmark.run(
              w,
              BenchmarkPlan.of(
                  List.of(Variant.of("insert", "insert into orders values (1, 2, 3, 'x')"))),
              null,
              null);
      assertEquals(BenchmarkResult.Status.REFUSED, write.status());
      assertTrue(write.error().message().contains("only runs queries"), write.error().message());
      BenchmarkResult plain =
          Benchmark.run(
              w,
              BenchmarkPlan.of(
                      List.of(
                          Variant.of("a", "select count(*) from orders"),
                          Variant.of("b", "from orders select count(*)")))
                  .withRuns(0, 5),
              null,
              null);
      assertEquals(BenchmarkResult.Status.COMPLETED, plain.status(), String.valueOf(plain.error()));
      assertNull(plain.variants().get(0).sandbox());
      assertEquals(1, plain.variants().get(1).stats().rows());
      assertEquals(5, plain.variants().get(1).runs().size());
    }
  }

  /** Opened fresh: no index, and only the tables it was made with. */
  private static void assertFileUntouched() throws Exception {
    assertTrue(Files.exists(file));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select count(*) from duckdb_indexes()")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select schema_name || '.' || table_name" + " from duckdb_tables() order by 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertEquals(List.of("main.orders", "sales.customers"), tables);
      try (ResultSet rs =
          s.executeQuery("select count(*) from duckdb_views() where not internal")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
    }
  }
}
