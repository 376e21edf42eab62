package dev.dbtls.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryHistoryTest {
  @TempDir Path dir;
  Store store;
  QueryHistory history;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("store.db"));
    history = store.history();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private long record(String project, String sql, HistoryEntry.Status status, String error) {
    return history
        .record(
            HistoryEntry.of(
                project,
                "dev",
                "duckdb",
                sql,
                "compiled " + sql,
                Instant.ofEpochMilli(1_700_000_000_123L),
                42,
                status == HistoryEntry.Status.OK ? 7L : null,
                status,
                error))
        .value();
  }

  private List<String> sqls(StoreResult<List<HistoryEntry>> r) {
    assertTrue(r.ok(), r.error());
    return r.value().stream().map(HistoryEntry::sql).toList();
  }

  @Test
  void everyFieldIsKept() {
    long ok = record("/a", "select 1", HistoryEntry.Status.OK, null);
    long bad = record("/a", "selec 2", HistoryEntry.Status.ERROR, "syntax error at selec");
    List<HistoryEntry> all = history.list(null, 0, 10).value();
    assertEquals(
        List.of(
            new HistoryEntry(
                bad,
                "/a",
                "dev",
                "duckdb",
                "selec 2",
                "compiled selec 2",
                Instant.ofEpochMilli(1_700_000_000_123L),
                42,
                null,
                HistoryEntry.Status.ERROR,
                "syntax error at selec"),
            new HistoryEntry(
                ok,
                "/a",
                "dev",
                "duckdb",
                "select 1",
                "compiled select 1",
                Instant.ofEpochMilli(1_700_000_000_123L),
                42,
                7L,
                HistoryEntry.Status.OK,
                null)),
        all);
  }

  @Test
  void listsNewestFirstInPagesAndByProject() {
    for (int i = 1; i <= 5; i++) {
      record(i % 2 == 0 ? "/even" : "/odd", "select " + i, HistoryEntry.Status.OK, null);
    }
    assertEquals(List.of("select 5", "select 4"), sqls(history.list(null, 0, 2)));
    assertEquals(List.of("select 3", "select 2"), sqls(history.list(null, 2, 2)));
    assertEquals(List.of("select 1"), sqls(history.list(null, 4, 2)));
    assertEquals(List.of(), sqls(history.list(null, 6, 2)));
    assertEquals(List.of("select 4", "select 2"), sqls(history.list("/even", 0, 10)));
    assertEquals(3L, history.count("/odd").value());
  }

  @Test
  void searchIsCaseInsensitiveOverSqlAndError() {
    record("/p", "select * from {{ ref('Orders') }}", HistoryEntry.Status.OK, null);
    record(
        "/p",
        "select * from customers",
        HistoryEntry.Status.ERROR,
        "Catalog Error: Table with name ORDERS_v2 does not exist");
    record("/p", "select 1 as x", HistoryEntry.Status.CANCELLED, null);
    assertEquals(
        List.of("select * from customers", "select * from {{ ref('Orders') }}"),
        sqls(history.search(null, "orders", 0, 10)));
    assertEquals(
        List.of("select * from customers"), sqls(history.search(null, "orders customers", 0, 10)));
    assertEquals(
        List.of("select * from {{ ref('Orders') }}"),
        sqls(history.search(null, "ref('orders')", 0, 10)));
    // words shorter than a trigram go through LIKE
    assertEquals(List.of("select 1 as x"), sqls(history.search(null, "AS x", 0, 10)));
    assertEquals(
        List.of("select * from customers"), sqls(history.search(null, "v2 catalog", 0, 10)));
    assertEquals(3, sqls(history.search(null, "  ", 0, 10)).size());
    assertEquals(List.of(), sqls(history.search("/other", "orders", 0, 10)));
  }

  @Test
  void searchTreatsOperatorsAndWildcardsAsText() {
    record("/p", "select '100%' as \"quoted\" -- AND NOT x*", HistoryEntry.Status.OK, null);
    record("/p", "select 100 as plain", HistoryEntry.Status.OK, null);
    assertEquals(1, sqls(history.search(null, "\"quoted\"", 0, 10)).size());
    assertEquals(1, sqls(history.search(null, "AND NOT", 0, 10)).size());
    assertEquals(1, sqls(history.search(null, "x*", 0, 10)).size());
    assertEquals(1, sqls(history.search(null, "0%", 0, 10)).size());
    assertEquals(1, sqls(history.search(null, "100%'", 0, 10)).size());
    assertEquals(List.of(), sqls(history.search(null, "_", 0, 10)));
    assertEquals(List.of(), sqls(history.search(null, "(((", 0, 10)));
  }

  @Test
  void theOldestGoBeyondTheCap() {
    history.setMaxEntries(3);
    for (int i = 1; i <= 5; i++) {
      record("/p", "select " + i, HistoryEntry.Status.OK, null);
    }
    assertEquals(List.of("select 5", "select 4", "select 3"), sqls(history.list(null, 0, 10)));
    assertEquals(List.of(), sqls(history.search(null, "select 1", 0, 10)));
    assertEquals(1, history.setMaxEntries(2).value());
    assertEquals(List.of("select 5", "select 4"), sqls(history.list(null, 0, 10)));
  }

  @Test
  void deleteAndClear() {
    long first = record("/a", "select 1", HistoryEntry.Status.OK, null);
    record("/a", "select 2", HistoryEntry.Status.OK, null);
    record("/b", "select 3", HistoryEntry.Status.OK, null);
    assertTrue(history.delete(first).value());
    assertEquals(false, history.delete(first).value());
    assertEquals(1, history.clear("/a").value());
    assertEquals(List.of("select 3"), sqls(history.list(null, 0, 10)));
    assertEquals(List.of(), sqls(history.search(null, "select 2", 0, 10)));
  }

  @Test
  void nullsFromCallersAreStoredSafely() {
    StoreResult<Long> r =
        history.record(HistoryEntry.of(null, null, null, null, null, null, 0, null, null, null));
    assertTrue(r.ok(), r.error());
    HistoryEntry e = history.list(null, 0, 1).value().get(0);
    assertEquals("", e.sql());
    assertEquals(HistoryEntry.Status.OK, e.status());
    assertNull(e.target());
  }
}
