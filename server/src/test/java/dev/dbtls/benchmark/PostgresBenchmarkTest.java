package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Target;
import dev.dbtls.testing.Eventually;
import dev.dbtls.warehouse.Databases;
import dev.dbtls.warehouse.Preview;
import dev.dbtls.warehouse.PreviewOptions;
import dev.dbtls.warehouse.PreviewResult;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test on PostgreSQL (127.0.0.1:5432): a 1M-row table, a selective filter,
 * an index that exists only in a rolled-back sandbox transaction, and a catalog without a trace.
 */
class PostgresBenchmarkTest {
  static final String SCHEMA = Databases.unique("dbtls_bench");
  static final String QUERY = "select * from orders where customer_id = 4242";
  static final String INDEX = "create index orders_customer_ix on orders (customer_id)";

  @BeforeAll
  static void orders() throws Exception {
    Databases.requireServer(5432);
    Databases.exec(
        Databases.PG_URL,
        "postgres",
        List.of(
            "create schema " + SCHEMA,
            "create table "
                + SCHEMA
                + ".orders as select i as id, (i::bigint * 7919 % 100003)::int as customer_id,"
                + " md5(i::text) as note from generate_series(1, 1000000) i",
            "analyze " + SCHEMA + ".orders"));
  }

  @AfterAll
  static void drop() throws Exception {
    if (Databases.answers("127.0.0.1", 5432)) {
      Databases.exec(
          Databases.PG_URL, "postgres", List.of("drop schema if exists " + SCHEMA + " cascade"));
    }
  }

  static Target target() {
    return Databases.target(
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
        SCHEMA,
        "connect_timeout",
        2);
  }

  @Test
  void aSandboxedIndexIsFasterAndLeavesNothingBehind() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    BenchmarkPlan plan =
        BenchmarkPlan.of(
                List.of(
                    Variant.of("baseline", QUERY),
                    new Variant("with index on customer_id", QUERY, List.of(INDEX))))
            .withRuns(1, 8);
    BenchmarkResult r;
    try (Warehouse w = Databases.open(target(), Path.of("."))) {
      r =
          Benchmark.run(
              w,
              plan,
              new QueryCancel(),
              (done, total, m) -> progress.add(done + "/" + total + " " + m));
      assertEquals(BenchmarkResult.Status.COMPLETED, r.status(), String.valueOf(r.error()));
      assertNull(r.error());
      VariantResult base = r.variants().get(0);
      VariantResult indexed = r.variants().get(1);
      assertNull(base.sandbox());
      assertEquals("sandbox: PostgreSQL transaction, rolled back", indexed.sandbox());
      assertEquals(8, base.runs().size());
      assertEquals(8, indexed.stats().runs());
      assertEquals(base.stats().rows(), indexed.stats().rows());
      assertTrue(base.stats().rows() > 0 && base.stats().rows() < 100);
      Comparison c = r.comparisons().get(0);
      assertEquals(Comparison.Verdict.FASTER, c.verdict(), c.summary());
      assertTrue(c.high() < 0.5, c.summary());
      // the warehouse's own account: the index reads far fewer blocks than the scan
      long baseBlocks = base.report().sharedHitBlocks() + base.report().sharedReadBlocks();
      long indexBlocks = indexed.report().sharedHitBlocks() + indexed.report().sharedReadBlocks();
      assertTrue(indexBlocks * 10 < baseBlocks, baseBlocks + " vs " + indexBlocks);
      assertTrue(r.notes().stream().anyMatch(n -> n.contains("PostgreSQL has no result cache")));
      assertEquals(
          "0/18 sandbox for 'with index on customer_id': running its setup", progress.get(0));
      assertEquals(19, progress.size());
      assertTrue(
          progress.get(progress.size() - 1).startsWith("18/18 run 8/8"), progress.toString());
      // the pool still works, and its connections see no index
      assertEquals(
          0L,
          ((Number)
                  firstValue(
                      w,
                      "select count(*) from pg_indexes where" + " schemaname = '" + SCHEMA + "'"))
              .longValue());
    }
    assertNothingLeft();
  }

  @Test
  void aCancelledBenchmarkLeavesNothingBehind() throws Exception {
    BenchmarkPlan plan =
        BenchmarkPlan.of(
                List.of(
                    Variant.of("baseline", "select pg_sleep(30), count(*) from orders"),
                    new Variant(
                        "indexed", "select pg_sleep(30), count(*) from orders", List.of(INDEX))))
            .withRuns(0, 10);
    QueryCancel cancel = new QueryCancel();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (Warehouse w = Databases.open(target(), Path.of("."))) {
      // cancel once a sleeping run is under way
      timer.scheduleWithFixedDelay(
          () -> {
            if (sleeping()) {
              cancel.cancel();
            }
          },
          200,
          100,
          TimeUnit.MILLISECONDS);
      long t0 = System.nanoTime();
      BenchmarkResult r = Benchmark.run(w, plan, cancel, null);
      assertEquals(BenchmarkResult.Status.CANCELLED, r.status(), String.valueOf(r.error()));
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, r.error().code());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(25), "not stopped");
      List<Run> runs = r.variants().get(0).runs();
      assertEquals(1, runs.size());
      assertEquals(Run.Status.CANCELLED, runs.get(0).status());
      assertEquals(0, r.variants().get(0).stats().runs());
      assertEquals(Comparison.Verdict.NOT_ENOUGH_RUNS, r.comparisons().get(0).verdict());
      timer.shutdownNow();
      assertNothingLeft();
      PreviewResult after =
          Preview.run(w, "select count(*) from orders", PreviewOptions.defaults());
      assertTrue(after.ok(), String.valueOf(after.error()));
      assertEquals(1000000L, ((Number) after.rows().get(0).get(0)).longValue());
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void writesAndSetupOtherThanAnIndexAreRefused() throws Exception {
    try (Warehouse w = Databases.open(target(), Path.of("."))) {
      BenchmarkResult write =
          Benchmark.run(
              w,
              BenchmarkPlan.of(List.of(Variant.of("delete", "delete from orders where id = 1"))),
              null,
              null);
      assertEquals(BenchmarkResult.Status.REFUSED, write.status());
      assertEquals(ProblemCode.WAREHOUSE_NOT_A_QUERY, write.error().code());
      BenchmarkResult drop =
          Benchmark.run(
              w,
              BenchmarkPlan.of(
                  List.of(
                      Variant.of("baseline", QUERY),
                      new Variant("dropped", QUERY, List.of("drop table orders")))),
              null,
              null);
      assertEquals(BenchmarkResult.Status.REFUSED, drop.status());
      assertTrue(drop.error().message().contains("only 'create index'"), drop.error().message());
      assertEquals(1000000L, ((Number) firstValue(w, "select count(*) from orders")).longValue());
    }
  }

  @Test
  void aTimeBudgetStopsNewRunsAndSaysSo() {
    BenchmarkPlan plan =
        BenchmarkPlan.of(
                List.of(
                    Variant.of("a", "select pg_sleep(0.6)"),
                    Variant.of("b", "select pg_sleep(0.6)")))
            .withRuns(0, 50)
            .withTimeBudget(Duration.ofSeconds(1));
    try (Warehouse w = Databases.open(target(), Path.of("."))) {
      BenchmarkResult r = Benchmark.run(w, plan, null, null);
      assertEquals(BenchmarkResult.Status.BUDGET_SPENT, r.status());
      assertTrue(r.ok());
      assertTrue(r.variants().get(0).runs().size() < 50);
      assertTrue(
          r.notes().stream().anyMatch(n -> n.startsWith("the time budget of 1 s was spent")),
          r.notes().toString());
    }
  }

  private static Object firstValue(Warehouse w, String sql) {
    PreviewResult p = Preview.run(w, sql, PreviewOptions.defaults());
    assertTrue(p.ok(), String.valueOf(p.error()));
    return p.rows().get(0).get(0);
  }

  private static boolean sleeping() {
    try (Connection c = DriverManager.getConnection(Databases.PG_URL, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from pg_stat_activity where query like"
                    + " 'select pg_sleep(30)%' and state = 'active'")) {
      return rs.next() && rs.getLong(1) > 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** No index, no object but the table in the schema, and no session holding a lock on it. */
  private static void assertNothingLeft() throws Exception {
    try (Connection c = DriverManager.getConnection(Databases.PG_URL, "postgres", "");
        Statement s = c.createStatement()) {
      List<String> objects = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select relname, relkind from pg_class where"
                  + " relnamespace = '"
                  + SCHEMA
                  + "'::regnamespace order by relname")) {
        while (rs.next()) {
          objects.add(rs.getString(1) + ":" + rs.getString(2));
        }
      }
      assertEquals(List.of("orders:r"), objects);
      try (ResultSet rs =
          s.executeQuery("select count(*) from pg_indexes where schemaname = '" + SCHEMA + "'")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
      // a rolled-back transaction releases its locks (a closed session too)
      Eventually.within(Duration.ofSeconds(5), () -> locks(s) == 0);
      assertEquals(0, locks(s));
    }
  }

  private static long locks(Statement s) throws Exception {
    try (ResultSet rs =
        s.executeQuery(
            "select count(*) from pg_locks where relation = '"
                + SCHEMA
                + ".orders'::regclass and pid <> pg_backend_pid()")) {
      rs.next();
      assertNotNull(rs.getObject(1));
      return rs.getLong(1);
    }
  }
}
