package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.MARIADB_URL;
import static dev.dbtls.warehouse.Databases.ok;
import static dev.dbtls.warehouse.Databases.open;
import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the MariaDB server on 127.0.0.1:3306 (root without password, database test). */
class MariaDbWarehouseTest {
  static final String TABLE = Databases.unique("dbtls_t");
  static final String USER = Databases.unique("dbtls_u");
  static final Path DIR = Path.of(".");

  static Target dev(String type, Object... more) {
    Object[] base = {
      "type",
      type,
      "server",
      "127.0.0.1",
      "port",
      3306,
      "username",
      "root",
      "schema",
      "test",
      "connect_timeout",
      2
    };
    Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return target("dev", all);
  }

  @BeforeAll
  static void tables() throws Exception {
    Databases.requireServer(3306);
    Databases.exec(
        MARIADB_URL,
        "root",
        List.of(
            "create table "
                + TABLE
                + " (id int, name varchar(20), amount decimal(10,2), paid boolean,"
                + " ordered date, ts datetime, raw varbinary(10), score double, note text)",
            "insert into "
                + TABLE
                + " values (1, 'a', 12.50, true, '2024-03-01', '2024-03-01 10:00:00',"
                + " x'aabb', 1.5, null)",
            "create user '" + USER + "'@'%' identified by 'right-pw'",
            "create user '" + USER + "'@'localhost' identified by 'right-pw'",
            "grant select on test.* to '" + USER + "'@'%'",
            "grant select on test.* to '" + USER + "'@'localhost'"));
  }

  @AfterAll
  static void drop() throws Exception {
    if (Databases.answers("127.0.0.1", 3306)) {
      Databases.exec(
          MARIADB_URL,
          "root",
          List.of(
              "drop table if exists " + TABLE,
              "drop user if exists '" + USER + "'@'%'",
              "drop user if exists '" + USER + "'@'localhost'"));
    }
  }

  @Test
  void previewsTypedRows() {
    for (String type : List.of("mariadb", "mysql")) {
      try (Warehouse w = open(dev(type), DIR)) {
        assertEquals(type, w.kind());
        PreviewResult r = ok(Preview.run(w, "select * from " + TABLE, null));
        assertEquals(
            List.of(
                "integer",
                "text",
                "decimal",
                "boolean",
                "date",
                "timestamp",
                "binary",
                "float",
                "text"),
            r.columns().stream().map(PreviewColumn::type).toList());
        assertEquals(
            java.util.Arrays.asList(
                1,
                "a",
                new java.math.BigDecimal("12.50"),
                true,
                "2024-03-01",
                "2024-03-01T10:00:00",
                "qrs=",
                1.5,
                null),
            r.rows().get(0));
      }
    }
  }

  @Test
  void pagesThroughOneHundredThousandRows() throws Exception {
    try (Warehouse w = open(dev("mariadb"), DIR)) {
      PreviewOptions o = PreviewOptions.defaults().withLimit(0).withPage(10_000, 64L << 20);
      PreviewResult first = ok(Preview.run(w, "select seq, md5(seq) from seq_1_to_100000", o));
      assertEquals(10_000, first.rows().size());
      assertEquals(
          5000,
          ((JdbcRows) w.cursors().get(first.cursor()).rows()).statement().getFetchSize()); // capped
      long seen = first.rows().size();
      PreviewPage p;
      do {
        p = Preview.page(w, first.cursor(), o);
        assertTrue(p.ok(), String.valueOf(p.error()));
        seen += p.rows().size();
      } while (p.hasMore());
      assertEquals(100_000, seen);
      // closing a cursor half-read gives its connection back at once
      PreviewResult half = ok(Preview.run(w, "select seq from seq_1_to_1000000", o));
      Preview.close(w, half.cursor());
      assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
    }
  }

  @Test
  void wrongPassword() {
    Warehouse.Opened o =
        Warehouse.open(dev("mariadb", "username", USER, "password", "wrong-pw"), DIR);
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, o.error().code());
    assertTrue(
        o.error()
            .message()
            .startsWith(
                "cannot connect to mariadb target 'dev' at "
                    + "127.0.0.1:3306: Access denied for user '"
                    + USER
                    + "'@"),
        o.error().message());
    assertTrue(o.error().message().endsWith("(using password: YES)"), o.error().message());
    assertFalse(o.error().message().contains("wrong-pw"));
    Warehouse.Opened right =
        Warehouse.open(dev("mariadb", "username", USER, "password", "right-pw"), DIR);
    assertTrue(right.ok(), String.valueOf(right.error()));
    right.warehouse().close();
  }

  @Test
  void refusedPort() {
    Warehouse.Opened o = Warehouse.open(dev("mysql", "port", 3307), DIR);
    assertEquals(
        "cannot connect to mysql target 'dev' at 127.0.0.1:3307: connection refused",
        o.error().message());
  }

  @Test
  void sqlErrorAndRefusedWrite() {
    try (Warehouse w = open(dev("mariadb"), DIR)) {
      PreviewResult r = Preview.run(w, "select * from no_such_table", null);
      assertEquals(ProblemCode.WAREHOUSE_QUERY, r.error().code());
      assertEquals(
          "mariadb target 'dev': Table 'test.no_such_table' doesn't exist", r.error().message());
      assertEquals(
          ProblemCode.WAREHOUSE_NOT_A_QUERY,
          Preview.run(w, "delete from " + TABLE, null).error().code());
      assertEquals(
          List.of(List.of(1L)), ok(Preview.run(w, "select count(*) from " + TABLE, null)).rows());
    }
  }

  @Test
  void cancelAndTimeout() throws Exception {
    try (Warehouse w = open(dev("mariadb"), DIR)) {
      QueryCancel cancel = new QueryCancel();
      String marker = Databases.unique("cancel_me");
      CompletableFuture<PreviewResult> run =
          CompletableFuture.supplyAsync(
              () ->
                  Preview.run(
                      w,
                      "select sleep(30) as " + marker,
                      PreviewOptions.defaults().withCancel(cancel)));
      Databases.awaitRunning(Databases.MARIADB_URL, "root", marker);
      long t0 = System.nanoTime();
      cancel.cancel();
      PreviewResult r = run.get();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(ProblemCode.WAREHOUSE_CANCELLED, r.error().code());
      assertTrue(ms < 5000, ms + " ms");
      assertEquals(
          ProblemCode.WAREHOUSE_TIMEOUT,
          Preview.run(w, "select sleep(30)", PreviewOptions.defaults().withTimeout(1))
              .error()
              .code());
      for (int i = 0; i < 6; i++) {
        assertEquals(List.of(List.of(1)), ok(Preview.run(w, "select 1", null)).rows());
      }
    }
  }

  @Test
  void profile() {
    try (Warehouse w = open(dev("mariadb"), DIR)) {
      ProfileResult p = Profile.of(w, "select seq % 3 as m from seq_1_to_10", null);
      assertTrue(p.ok(), String.valueOf(p.error()));
      ColumnProfile m = p.columns().get(0);
      assertEquals(List.of(10L, 0L, 3L), List.of(p.rows(), m.nulls(), m.distinct()));
      assertEquals("1", String.valueOf(m.top().get(0).value()));
      assertEquals(4, m.top().get(0).count());
    }
  }
}
