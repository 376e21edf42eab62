package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a benchmark refuses before it runs anything, and the plan's defaults. */
class GuardTest {
  @Test
  void refusesWritesAndSetupOtherThanAnIndex() {
    BenchmarkPlan write =
        BenchmarkPlan.of(
            List.of(
                Variant.of("a", "select 1"), Variant.of("b", "delete from orders where id = 1")));
    String why = Guard.refusal(write, "postgres", "postgres", "dev").message();
    assertTrue(why.contains("'b' is a delete statement") && why.contains("only runs queries"), why);
    assertTrue(
        Guard.refusal(
                BenchmarkPlan.of(List.of(Variant.of("a", "select 1; select 2"))),
                "postgres",
                "postgres",
                "dev")
            .message()
            .contains("more than one statement"));
    assertTrue(
        Guard.refusal(BenchmarkPlan.of(List.of()), "postgres", "postgres", "dev")
            .message()
            .contains("no query"));

    assertNull(Guard.notAnIndex("create index ix on orders (customer_id)"));
    assertNull(Guard.notAnIndex("CREATE UNIQUE INDEX ix ON s.orders USING btree (id)"));
    assertTrue(Guard.notAnIndex("drop table orders").contains("only 'create index'"));
    assertTrue(Guard.notAnIndex("create index a on t (x); drop table t").contains("one statement"));
    assertTrue(Guard.notAnIndex("").contains("empty"));
    BenchmarkPlan drop =
        BenchmarkPlan.of(
            List.of(
                Variant.of("a", "select 1"),
                new Variant("b", "select 1", List.of("drop table orders"))));
    String dropWhy = Guard.refusal(drop, "postgres", "postgres", "dev").message();
    assertTrue(dropWhy.startsWith("variant 'b': sandbox setup is a drop statement"), dropWhy);
  }

  @Test
  void sandboxesOnlyOnPostgresAndDuckDb() {
    BenchmarkPlan plan =
        BenchmarkPlan.of(
            List.of(
                Variant.of("a", "select * from t"),
                new Variant("b", "select * from t", List.of("create index ix on t (x)"))));
    assertEquals(
        "sandboxed index benchmarks run on PostgreSQL and DuckDB; target 'x' is mariadb",
        Guard.refusal(plan, "mariadb", "mariadb", "x").message());
    assertNull(Guard.refusal(plan, "duckdb", "duckdb", "x"));
    assertNull(Guard.refusal(plan, "postgres", "postgres", "x"));
  }

  @Test
  void planDefaultsAndCaps() {
    BenchmarkPlan p = BenchmarkPlan.of(List.of(Variant.of("a", "select 1")));
    assertEquals(2, p.warmups());
    assertEquals(10, p.measuredRuns());
    assertEquals(300, p.timeBudget().toSeconds());
    assertEquals(1000, p.withRuns(0, 5000).measuredRuns());
  }
}
