package dev.dbtls.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationsTest {
  static Recommendations.Recommendation index(String evidence) {
    return new Recommendations.Recommendation(
        0,
        null,
        null,
        null,
        "seq-scan-selective-filter",
        null,
        "Index orders (customer_id)",
        List.of(evidence),
        "high",
        "create index dbtls_orders_customer_id_idx on s.orders (customer_id)",
        "drop index s.dbtls_orders_customer_id_idx",
        null,
        0,
        0);
  }

  @Test
  void foundAgainIsOneRowWithFreshEvidenceAndItsStatusKept(@TempDir Path dir) {
    Path file = dir.resolve("store.db");
    long id;
    try (Store store = Store.open(file)) {
      List<Recommendations.Recommendation> first =
          store
              .recommendations()
              .found("/p", "dev", "model.p.orders", List.of(index("1,000,000 rows")))
              .value();
      assertEquals(1, first.size());
      id = first.get(0).id();
      assertEquals("pending", first.get(0).status());
      assertEquals("model.p.orders", first.get(0).uniqueId());
      assertEquals(
          "dismissed", store.recommendations().setStatus(id, "dismissed").value().status());
    }
    try (Store store = Store.open(file)) {
      List<Recommendations.Recommendation> again =
          store
              .recommendations()
              .found("/p", "dev", null, List.of(index("2,000,000 rows")))
              .value();
      assertEquals(id, again.get(0).id());
      assertEquals("dismissed", again.get(0).status());
      assertEquals(List.of("2,000,000 rows"), again.get(0).evidence());
      assertEquals("model.p.orders", again.get(0).uniqueId());
      assertEquals(1, store.recommendations().list("/p", "dev").value().size());
      assertEquals(1, store.recommendations().list("/p", null).value().size());
      assertTrue(store.recommendations().list("/p", "prod").value().isEmpty());
      assertFalse(store.recommendations().setStatus(id, "done").ok());
      assertNull(store.recommendations().setStatus(999, "applied").value());
      assertEquals(
          "drop index s.dbtls_orders_customer_id_idx",
          store.recommendations().get(id).value().rollbackSql());
    }
  }

  @Test
  void benchmarksAreListedPerModelNewestFirstAndTheAuditKeepsTheExactSql(@TempDir Path dir) {
    try (Store store = Store.open(dir.resolve("store.db"))) {
      long rec =
          store
              .recommendations()
              .found("/p", "dev", "model.p.orders", List.of(index("x")))
              .value()
              .get(0)
              .id();
      BenchmarkHistory b = store.benchmarks();
      long a =
          b.add(
                  new BenchmarkHistory.Entry(
                      0,
                      "/p",
                      "dev",
                      "model.p.orders",
                      "buffer vs saved file",
                      null,
                      1000,
                      20,
                      "ok",
                      "no significant difference",
                      "{}"))
              .value();
      long c =
          b.add(
                  new BenchmarkHistory.Entry(
                      0,
                      "/p",
                      "dev",
                      "model.p.orders",
                      "index",
                      rec,
                      2000,
                      30,
                      "cancelled",
                      null,
                      "{\"runs\":[]}"))
              .value();
      b.add(
          new BenchmarkHistory.Entry(
              0, "/p", "dev", "model.p.customers", "x", null, 3000, 1, "error", null, "{}"));
      assertEquals(
          List.of(c, a),
          b.list("/p", "model.p.orders", 10).value().stream()
              .map(BenchmarkHistory.Entry::id)
              .toList());
      assertEquals(3, b.list("/p", null, 10).value().size());
      assertEquals(1, b.list("/p", null, 1).value().size());
      BenchmarkHistory.Entry cancelled = b.list("/p", "model.p.orders", 1).value().get(0);
      assertEquals(rec, cancelled.recommendationId());
      assertEquals("{\"runs\":[]}", cancelled.result());
      assertFalse(
          b.add(
                  new BenchmarkHistory.Entry(
                      0, "/p", null, null, "x", null, 1, 1, "finished", null, "{}"))
              .ok(),
          "an unknown status is refused by the table");

      store.audit().record("/p", "dev", rec, "apply", "create index i on s.t (a)", null);
      store.audit().record("/p", "dev", rec, "rollback", "drop index s.i", "permission denied");
      List<ApplyAudit.Entry> audit = store.audit().list("/p").value();
      assertEquals(
          List.of("rollback", "apply"), audit.stream().map(ApplyAudit.Entry::action).toList());
      assertEquals("error", audit.get(0).outcome());
      assertEquals("create index i on s.t (a)", audit.get(1).sql());
      assertNull(audit.get(1).error());
    }
  }
}
