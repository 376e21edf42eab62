package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.ok;
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
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbWarehouseTest {
  @TempDir Path dir;

  private Path database(String... statements) throws Exception {
    Path file = dir.resolve("data/shop.duckdb");
    Files.createDirectories(file.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    return file;
  }

  @Test
  void fileTargetPreviewsTypedRows() throws Exception {
    database(
        "create table orders (id integer, name varchar, amount decimal(10,2), paid boolean,"
            + " ordered date, ts timestamp, ts_tz timestamptz, raw blob, score double, note varchar)",
        "insert into orders values (1, 'a', 12.50, true, date '2024-03-01',"
            + " timestamp '2024-03-01 10:00:00', timestamptz '2024-03-01 10:00:00+00', '\\xAA\\xBB'::blob,"
            + " 1.5, null)");
    // a relative path is read from the project folder, as dbt-duckdb does
    try (Warehouse w = open(target("dev", "type", "duckdb", "path", "data/shop.duckdb"), dir)) {
      assertEquals(dir.resolve("data/shop.duckdb").toString(), w.where());
      PreviewResult r = ok(Preview.run(w, "select * from orders", PreviewOptions.defaults()));
      assertEquals(
          List.of(
              "integer",
              "text",
              "decimal",
              "boolean",
              "date",
              "timestamp",
              "timestamptz",
              "binary",
              "float",
              "text"),
          r.columns().stream().map(PreviewColumn::type).toList());
      assertEquals("INTEGER", r.columns().get(0).databaseType());
      List<Object> row = r.rows().get(0);
      assertEquals(1, row.get(0));
      assertEquals("a", row.get(1));
      assertEquals(new java.math.BigDecimal("12.50"), row.get(2));
      assertEquals(true, row.get(3));
      assertEquals("2024-03-01", row.get(4));
      assertEquals("2024-03-01T10:00:00", row.get(5));
      assertTrue(String.valueOf(row.get(6)).startsWith("2024-03-01T"), String.valueOf(row.get(6)));
      assertEquals("qrs=", row.get(7));
      assertEquals(1.5, row.get(8));
      assertNull(row.get(9));
      assertFalse(r.hasMore());
      assertNull(r.cursor());
      assertTrue(
          r.sql()
              .startsWith("select * from (\nselect * from orders\n) as dbtls_preview limit 501"));
    }
  }

  @Test
  void fileIsOpenedReadOnlyAndWritesAreRefused() throws Exception {
    database("create table t as select 1 as a");
    try (Warehouse w = open(target("dev", "type", "duckdb", "path", "data/shop.duckdb"), dir)) {
      PreviewResult r = Preview.run(w, "insert into t values (2)", PreviewOptions.defaults());
      assertEquals(ProblemCode.WAREHOUSE_NOT_A_QUERY, r.error().code());
      assertEquals(
          "preview only runs queries, and this is an insert statement: allow writes to " + "run it",
          r.error().message());
      PreviewResult two = Preview.run(w, "select 1; drop table t", PreviewOptions.defaults());
      assertEquals("preview runs one statement; this SQL has more than one", two.error().message());
      // even when writes are allowed, the file is read-only for dbtls
      PreviewResult forced =
          Preview.run(w, "insert into t values (2)", PreviewOptions.defaults().withWrites(true));
      assertEquals(ProblemCode.WAREHOUSE_QUERY, forced.error().code(), forced.error().message());
      assertTrue(forced.error().message().contains("read-only mode"), forced.error().message());
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select * from t", null)).rows());
    }
  }

  @Test
  void memoryIsTheDefaultAndSettingsApply() {
    try (Warehouse w =
        open(
            target(
                "dev",
                "type",
                "duckdb",
                "threads",
                3,
                "settings",
                java.util.Map.of("default_null_order", "nulls_first")),
            dir)) {
      assertEquals(":memory:", w.where());
      PreviewResult r =
          ok(
              Preview.run(
                  w,
                  "select current_setting('threads') as t, "
                      + "current_setting('default_null_order') as o",
                  null));
      assertEquals(
          List.of(List.of(3L, "NULLS_FIRST")),
          r.rows().stream()
              .map(row -> List.of(((Number) row.get(0)).longValue(), row.get(1)))
              .toList());
      // writes allowed on the in-memory database, seen by the pool's other connections
      PreviewResult created =
          ok(
              Preview.run(
                  w,
                  "create table m as select 7 as x",
                  PreviewOptions.defaults().withWrites(true)));
      assertEquals("create table m as select 7 as x", created.sql()); // writes run unwrapped
      assertEquals(List.of(), created.columns());
      assertEquals(List.of(List.of(7)), ok(Preview.run(w, "select x from m", null)).rows());
    }
  }

  @Test
  void eachInMemoryTargetIsItsOwnDatabaseAndIsReleasedOnClose() throws Exception {
    Warehouse a = open(target("dev", "type", "duckdb", "path", ":memory:"), dir);
    try (Warehouse b = open(target("dev", "type", "duckdb"), dir)) {
      ok(
          Preview.run(
              a, "create table only_in_a as select 1", PreviewOptions.defaults().withWrites(true)));
      assertEquals(
          ProblemCode.WAREHOUSE_QUERY,
          Preview.run(b, "select * from only_in_a", null).error().code());
      String url = a.spec().url();
      a.close();
      assertFalse(org.duckdb.DuckDBDriver.releaseDB(url), "released when its pool closed");
    }
  }

  @Test
  void pagesStreamThroughOneHundredThousandRows() {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      PreviewOptions o = PreviewOptions.defaults().withLimit(0).withPage(10_000, 64L << 20);
      PreviewResult first =
          ok(
              Preview.run(
                  w,
                  "select range as i, 'row ' || range as label "
                      + "from range(100000) order by range",
                  o));
      assertEquals(10_000, first.rows().size());
      assertTrue(first.hasMore());
      assertNotNull(first.cursor());
      assertEquals(1, w.cursors().size());
      long seen = first.rows().size();
      long expected = 10_000;
      String cursor = first.cursor();
      PreviewPage p;
      do {
        p = Preview.page(w, cursor, o);
        assertTrue(p.ok(), String.valueOf(p.error()));
        assertEquals(expected, ((Number) p.rows().get(0).get(0)).longValue());
        expected += p.rows().size();
        seen += p.rows().size();
      } while (p.hasMore());
      assertEquals(100_000, seen);
      assertNull(p.cursor());
      assertEquals(0, w.cursors().size(), "a cursor read to the end is closed");
      assertEquals(ProblemCode.WAREHOUSE_CURSOR, Preview.page(w, cursor, o).error().code());
    }
  }

  @Test
  void rowLimitAndPageBytesCut() {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      PreviewResult r =
          ok(Preview.run(w, "select * from range(100)", PreviewOptions.defaults().withLimit(10)));
      assertEquals(10, r.rows().size());
      assertFalse(r.hasMore());
      assertTrue(r.truncated());
      PreviewResult exact =
          ok(Preview.run(w, "select * from range(10)", PreviewOptions.defaults().withLimit(10)));
      assertFalse(exact.truncated());
      // about 1 KB of text per row: a 10 KB page holds 10 rows, the rest stays on the cursor
      PreviewResult bytes =
          ok(
              Preview.run(
                  w,
                  "select repeat('x', 500) from range(100)",
                  PreviewOptions.defaults().withPage(1000, 10_000)));
      assertEquals(10, bytes.rows().size());
      assertTrue(bytes.hasMore());
      Preview.close(w, bytes.cursor());
      assertEquals(0, w.cursors().size());
    }
  }

  @Test
  void sqlErrorsAreTheDatabasesWords() {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      PreviewResult r = Preview.run(w, "select * from no_such_table", null);
      assertEquals(ProblemCode.WAREHOUSE_QUERY, r.error().code());
      assertTrue(
          r.error()
              .message()
              .startsWith(
                  "duckdb target 'dev': Catalog Error: Table with "
                      + "name no_such_table does not exist"),
          r.error().message());
      assertFalse(r.error().message().contains("\n"));
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
    }
  }

  @Test
  void cancelStopsALongQueryAndThePoolStaysHealthy() throws Exception {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      QueryCancel cancel = new QueryCancel();
      String slow =
          "select count(*) from range(1000000000) a, range(1000000) b where a.range + b.range = -1";
      CompletableFuture<PreviewResult> run =
          CompletableFuture.supplyAsync(
              () -> Preview.run(w, slow, PreviewOptions.defaults().withCancel(cancel)));
      // time must pass: the query must be running in the database when it is cancelled
      Thread.sleep(500);
      long t0 = System.nanoTime();
      cancel.cancel();
      PreviewResult r = run.get();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(
          new WarehouseError(ProblemCode.WAREHOUSE_CANCELLED, "query cancelled"), r.error());
      assertTrue(ms < 5000, "cancelled after " + ms + " ms");
      assertEquals(List.of(List.of(2)), ok(Preview.run(w, "select 2", null)).rows());
      // cancelled before it starts: never runs
      QueryCancel early = new QueryCancel();
      early.cancel();
      assertEquals(
          ProblemCode.WAREHOUSE_CANCELLED,
          Preview.run(w, slow, PreviewOptions.defaults().withCancel(early)).error().code());
    }
  }

  @Test
  void aPageCancelledBeforeItsFetchClosesTheCursor() {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      PreviewResult r =
          ok(
              Preview.run(
                  w, "select * from range(1000)", PreviewOptions.defaults().withPage(10, 1 << 20)));
      QueryCancel cancel = new QueryCancel();
      cancel.cancel();
      PreviewPage p = Preview.page(w, r.cursor(), PreviewOptions.defaults().withCancel(cancel));
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, p.error().code());
      assertEquals(0, w.cursors().size());
    }
  }

  @Test
  void timeout() {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      PreviewResult r =
          Preview.run(
              w,
              "select count(*) from range(1000000000) a, range(1000000) b "
                  + "where a.range + b.range = -1",
              PreviewOptions.defaults().withTimeout(1));
      assertEquals(ProblemCode.WAREHOUSE_TIMEOUT, r.error().code());
      assertEquals(
          "query timed out after 1 s on duckdb target 'dev' at :memory:", r.error().message());
      assertEquals(List.of(List.of(3)), ok(Preview.run(w, "select 3", null)).rows());
    }
  }

  @Test
  void aFileNotCreatedYetIsAnEmptyInMemoryDatabaseAndStaysUncreated() {
    Warehouse.Opened o =
        Warehouse.open(target("dev", "type", "duckdb", "path", "nope.duckdb"), dir);
    assertTrue(o.ok(), String.valueOf(o.error()));
    try (Warehouse w = o.warehouse()) {
      assertEquals(
          dir.resolve("nope.duckdb") + " (not created yet: an empty in-memory database stands in)",
          w.where());
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
    }
    assertFalse(Files.exists(dir.resolve("nope.duckdb")));
  }

  @Test
  void fileLockedByAnotherProcess() throws Exception {
    Path file = database("create table t as select 1 as a");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    try {
      assertEquals("locked", new String(holder.getInputStream().readNBytes(6)));
      Warehouse.Opened o =
          Warehouse.open(target("dev", "type", "duckdb", "path", file.toString()), dir);
      assertEquals(ProblemCode.WAREHOUSE_CONNECT, o.error().code());
      assertTrue(
          o.error()
              .message()
              .startsWith(
                  "cannot connect to duckdb target 'dev' at "
                      + file
                      + ": database file "
                      + file
                      + " is locked by another process (java, PID "
                      + holder.pid()
                      + ")"),
          o.error().message());
    } finally {
      holder.destroy();
      holder.waitFor();
    }
  }

  @Test
  void columnProfileIsComputedByTheWarehouse() {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      ProfileResult p =
          Profile.of(
              w,
              "select * from (values (1, 'a'), (2, 'b'), (2, 'b'), "
                  + "(null, 'b'), (3, null)) t(n, s)",
              null);
      assertTrue(p.ok(), String.valueOf(p.error()));
      assertEquals(5, p.rows());
      ColumnProfile n = p.columns().get(0);
      assertEquals("n", n.name());
      assertEquals("integer", n.type());
      assertEquals(1, n.nulls());
      assertEquals(3, n.distinct());
      assertEquals(1, n.min());
      assertEquals(3, n.max());
      assertEquals(new ColumnProfile.TopValue(2, 2), n.top().get(0));
      ColumnProfile s = p.columns().get(1);
      assertEquals(
          List.of(
              new ColumnProfile.TopValue("b", 3),
              new ColumnProfile.TopValue("a", 1),
              new ColumnProfile.TopValue(null, 1)),
          s.top());
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY, Profile.of(w, "delete from t", null).error().code());
      assertEquals(
          ProblemCode.WAREHOUSE_QUERY,
          Profile.of(w, "select * from no_such_table", null).error().code());
    }
  }

  @Test
  void showAndDescribeRunAsWritten() {
    try (Warehouse w = open(target("dev", "type", "duckdb"), dir)) {
      PreviewResult r = ok(Preview.run(w, "describe select 1 as a", null));
      assertEquals("a", r.rows().get(0).get(0));
      assertEquals("describe select 1 as a", r.sql());
    }
  }

  /** Holds a DuckDB file open for writing in another process. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
        System.out.print("locked");
        System.out.flush();
        Thread.sleep(60_000); // holds the lock until the test kills this process
      }
    }
  }

  static String list(Object[] a) {
    return Arrays.toString(a);
  }
}
