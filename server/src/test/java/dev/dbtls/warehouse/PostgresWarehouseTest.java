package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.PG_URL;
import static dev.dbtls.warehouse.Databases.ok;
import static dev.dbtls.warehouse.Databases.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the PostgreSQL server on 127.0.0.1:5432 (trust auth, database test). */
class PostgresWarehouseTest {
  static final String SCHEMA = Databases.unique("dbtls_s");
  static final Path DIR = Path.of(".");

  static Target dev(Object... more) {
    Object[] base = {
      "type",
      "postgres",
      "host",
      "127.0.0.1",
      "port",
      5432,
      "user",
      "postgres",
      "password",
      "s3cret-pw",
      "dbname",
      "test",
      "schema",
      SCHEMA,
      "connect_timeout",
      2
    };
    Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < all.length; i += 2) {
      fields.put((String) all[i], all[i + 1]);
    }
    return Target.of("dev", "test_profile", fields);
  }

  @BeforeAll
  static void tables() throws Exception {
    Databases.requireServer(5432);
    Databases.exec(
        PG_URL,
        "postgres",
        List.of(
            "create schema " + SCHEMA,
            "create table "
                + SCHEMA
                + ".orders (id int, name text, amount numeric(10,2), paid boolean,"
                + " ordered date, ts timestamp, ts_tz timestamptz, raw bytea, doc jsonb, uid uuid,"
                + " note text)",
            "insert into "
                + SCHEMA
                + ".orders values (1, 'a', 12.50, true, '2024-03-01',"
                + " '2024-03-01 10:00:00', '2024-03-01 10:00:00+00', '\\xaabb', '{\"k\": 1}',"
                + " '6f1c1f06-8a55-4c1e-9bb7-2b5f0f4b8f10', null), (2, 'b', 3, false, null, null, null,"
                + " null, null, null, 'x')",
            "create sequence " + SCHEMA + ".seq",
            "create function "
                + SCHEMA
                + ".bump() returns int language sql as 'insert into "
                + SCHEMA
                + ".orders (id) values (99) returning id'"));
  }

  @AfterAll
  static void drop() throws Exception {
    if (Databases.answers("127.0.0.1", 5432)) {
      Databases.exec(PG_URL, "postgres", List.of("drop schema if exists " + SCHEMA + " cascade"));
    }
  }

  @Test
  void previewsTypedRowsThroughTheSearchPath() {
    try (Warehouse w = open(dev(), DIR)) {
      assertEquals("127.0.0.1:5432", w.where());
      PreviewResult r = ok(Preview.run(w, "select * from orders order by id", null));
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
              "json",
              "uuid",
              "text"),
          r.columns().stream().map(PreviewColumn::type).toList());
      assertEquals(
          List.of(
              "int4",
              "text",
              "numeric",
              "bool",
              "date",
              "timestamp",
              "timestamptz",
              "bytea",
              "jsonb",
              "uuid",
              "text"),
          r.columns().stream().map(PreviewColumn::databaseType).toList());
      List<Object> row = r.rows().get(0);
      assertEquals(
          List.of(
              1, "a", new java.math.BigDecimal("12.50"), true, "2024-03-01", "2024-03-01T10:00:00"),
          row.subList(0, 6));
      assertTrue(
          String.valueOf(row.get(6)).matches("2024-03-01T\\d\\d:00:00(Z|[+-]\\d\\d:\\d\\d)"),
          String.valueOf(row.get(6)));
      assertEquals("qrs=", row.get(7));
      assertEquals("{\"k\": 1}", row.get(8));
      assertEquals("6f1c1f06-8a55-4c1e-9bb7-2b5f0f4b8f10", row.get(9));
      assertEquals(
          java.util.Arrays.asList(
              2,
              "b",
              new java.math.BigDecimal("3.00"),
              false,
              null,
              null,
              null,
              null,
              null,
              null,
              "x"),
          r.rows().get(1));
    }
  }

  @Test
  void pagesStreamInsideATransactionWithAFetchSize() throws Exception {
    try (Warehouse w = open(dev(), DIR)) {
      PreviewOptions o = PreviewOptions.defaults().withLimit(0).withPage(5000, 64L << 20);
      PreviewResult first =
          ok(Preview.run(w, "select g, md5(g::text) from generate_series(1, 100000) g", o));
      assertEquals(5000, first.rows().size());
      PreviewCursor cursor = w.cursors().get(first.cursor());
      assertNotNull(cursor);
      // what makes pgjdbc stream: a fetch size, a forward-only result, no autocommit
      assertEquals(5000, ((JdbcRows) cursor.rows()).statement().getFetchSize());
      assertFalse(((JdbcRows) cursor.rows()).statement().getConnection().getAutoCommit());
      long seen = first.rows().size();
      long expected = 5001;
      PreviewPage p;
      String id = first.cursor();
      do {
        p = Preview.page(w, id, o);
        assertTrue(p.ok(), String.valueOf(p.error()));
        assertEquals(expected, ((Number) p.rows().get(0).get(0)).longValue());
        expected += p.rows().size();
        seen += p.rows().size();
      } while (p.hasMore());
      assertEquals(100_000, seen);
      assertEquals(0, w.cursors().size());
    }
  }

  @Test
  void unknownUserIsOneMessageWithoutThePassword() {
    Warehouse.Opened o = Warehouse.open(dev("user", "dbtls_nobody"), DIR);
    assertFalse(o.ok());
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, o.error().code());
    assertEquals(
        "cannot connect to postgres target 'dev' at 127.0.0.1:5432: role \"dbtls_nobody\""
            + " does not exist",
        o.error().message());
    assertFalse(o.error().message().contains("s3cret-pw"));
    assertFalse(String.valueOf(o).contains("s3cret-pw"));
  }

  @Test
  void missingDatabase() {
    Warehouse.Opened o = Warehouse.open(dev("dbname", "dbtls_no_such_db"), DIR);
    assertEquals(
        "cannot connect to postgres target 'dev' at 127.0.0.1:5432: database "
            + "\"dbtls_no_such_db\" does not exist",
        o.error().message());
  }

  @Test
  void refusedPort() {
    Warehouse.Opened o = Warehouse.open(dev("port", 5433), DIR);
    assertEquals(
        "cannot connect to postgres target 'dev' at 127.0.0.1:5433: connection refused",
        o.error().message());
  }

  @Test
  void silentServerAnswersWithinTheConnectTimeout() throws Exception {
    // a port that takes the connection and never says a word, like a host behind a firewall
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      long t0 = System.nanoTime();
      Warehouse.Opened o = Warehouse.open(dev("port", silent.getLocalPort()), DIR);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(
          "cannot connect to postgres target 'dev' at 127.0.0.1:"
              + silent.getLocalPort()
              + ": no answer within 2 s (connect_timeout)",
          o.error().message());
      assertTrue(ms < 10_000, ms + " ms");
    }
  }

  @Test
  void unknownHost() {
    Warehouse.Opened o = Warehouse.open(dev("host", "no-such-host.invalid"), DIR);
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, o.error().code());
    assertTrue(
        o.error()
            .message()
            .startsWith(
                "cannot connect to postgres target 'dev' at "
                    + "no-such-host.invalid:5432: unknown host no-such-host.invalid"),
        o.error().message());
  }

  @Test
  void sqlErrorAndReadOnlyTransaction() {
    try (Warehouse w = open(dev(), DIR)) {
      PreviewResult missing = Preview.run(w, "select * from no_such_table", null);
      assertEquals(ProblemCode.WAREHOUSE_QUERY, missing.error().code());
      assertEquals(
          "postgres target 'dev': relation \"no_such_table\" does not exist",
          missing.error().message());
      // a function known to act beyond the session is refused before it runs
      PreviewResult nextval = Preview.run(w, "select nextval('seq')", null);
      assertEquals(
          "dbtls does not run this: nextval(...) advances a sequence (not undone by a rollback)",
          nextval.error().message());
      // one that writes and that dbtls cannot know passes the parser; the read-only transaction
      // stops it
      PreviewResult bump = Preview.run(w, "select bump()", null);
      assertEquals(
          "postgres target 'dev': cannot execute INSERT in a read-only transaction",
          bump.error().message());
      PreviewResult insert = Preview.run(w, "insert into orders (id) values (3)", null);
      assertEquals(ProblemCode.WAREHOUSE_NOT_A_QUERY, insert.error().code());
      assertEquals(
          List.of(List.of(2L)), ok(Preview.run(w, "select count(*) from orders", null)).rows());
    }
  }

  @Test
  void allowedWriteCommits() {
    try (Warehouse w = open(dev(), DIR)) {
      PreviewResult r =
          ok(
              Preview.run(
                  w,
                  "update orders set note = 'y' where id = 2",
                  PreviewOptions.defaults().withWrites(true)));
      assertEquals(1, r.updateCount());
      assertEquals(
          List.of(List.of("y")),
          ok(Preview.run(w, "select note from orders where id = 2", null)).rows());
      ok(
          Preview.run(
              w,
              "update orders set note = 'x' where id = 2",
              PreviewOptions.defaults().withWrites(true)));
    }
  }

  @Test
  void cancelledSleepAnswersAtOnceAndThePoolWorks() throws Exception {
    try (Warehouse w = open(dev(), DIR)) {
      QueryCancel cancel = new QueryCancel();
      String marker = Databases.unique("cancel_me");
      CompletableFuture<PreviewResult> run =
          CompletableFuture.supplyAsync(
              () ->
                  Preview.run(
                      w,
                      "select pg_sleep(30) as " + marker,
                      PreviewOptions.defaults().withCancel(cancel)));
      Databases.awaitRunning(Databases.PG_URL, "postgres", marker);
      long t0 = System.nanoTime();
      cancel.cancel();
      PreviewResult r = run.get();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(
          new WarehouseError(ProblemCode.WAREHOUSE_CANCELLED, "query cancelled"), r.error());
      assertTrue(ms < 5000, "cancelled after " + ms + " ms");
      for (int i = 0; i < 6; i++) { // more than the pool's size: every connection came back
        assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
      }
    }
  }

  @Test
  void timeout() {
    try (Warehouse w = open(dev(), DIR)) {
      PreviewResult r =
          Preview.run(w, "select pg_sleep(30)", PreviewOptions.defaults().withTimeout(1));
      assertEquals(
          new WarehouseError(
              ProblemCode.WAREHOUSE_TIMEOUT,
              "query timed out after 1 s on postgres target 'dev' at 127.0.0.1:5432"),
          r.error());
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
    }
  }

  @Test
  void profileWithTypesThatHaveNoOrder() {
    try (Warehouse w = open(dev(), DIR)) {
      ProfileResult p = Profile.of(w, "select id, doc, note from orders", null);
      assertTrue(p.ok(), String.valueOf(p.error()));
      assertEquals(2, p.rows());
      ColumnProfile id = p.columns().get(0);
      assertEquals(List.of(0L, 2L, 1, 2), List.of(id.nulls(), id.distinct(), id.min(), id.max()));
      ColumnProfile doc = p.columns().get(1); // jsonb has no min/max in PostgreSQL
      assertEquals(1, doc.nulls());
      assertEquals(1, doc.distinct());
      assertEquals(
          java.util.Arrays.asList(null, null), java.util.Arrays.asList(doc.min(), doc.max()));
      assertEquals(2, doc.top().size());
    }
  }
}
