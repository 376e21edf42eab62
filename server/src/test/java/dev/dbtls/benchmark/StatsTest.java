package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts: statistics, the bootstrap verdict, and what a benchmark refuses to run. */
class StatsTest {
  private static final double E = 1e-9;

  @Test
  void summarizesKnownRuns() {
    Stats s = Stats.of(new double[] {10, 3, 7, 1, 5, 9, 2, 8, 4, 6}, 42);
    assertEquals(10, s.runs());
    assertEquals(1, s.min(), E);
    assertEquals(5.5, s.median(), E);
    assertEquals(9.55, s.p95(), E); // 1 + 0.95 * 9 positions, between 9 and 10
    assertEquals(10, s.max(), E);
    assertEquals(5.5, s.mean(), E);
    assertEquals(Math.sqrt(82.5 / 9), s.stddev(), E); // sample standard deviation
    assertEquals(42, s.rows());
  }

  @Test
  void oddCountsOneRunAndNoRuns() {
    assertEquals(3, Stats.of(new double[] {5, 1, 3}, 0).median(), E);
    Stats one = Stats.of(new double[] {2.5}, 1);
    assertEquals(2.5, one.p95(), E);
    assertEquals(0, one.stddev(), E);
    assertEquals(0, Stats.of(new double[0], 0).runs());
  }

  @Test
  void identicalSamplesShowNoSignificantDifference() {
    double[] same = {5, 5, 5, 5, 5, 5, 5, 5};
    Comparison c = Comparison.of("b", same, "a", same);
    assertEquals(Comparison.Verdict.NO_SIGNIFICANT_DIFFERENCE, c.verdict());
    assertEquals(1, c.medianRatio(), E);
    assertEquals(1, c.low(), E);
    assertEquals(1, c.high(), E);
  }

  @Test
  void overlappingNoisySamplesShowNoSignificantDifference() {
    double[] a = {10, 12, 9, 11, 10, 13, 9, 12, 10, 11};
    double[] b = {11, 9, 12, 10, 10, 12, 11, 9, 13, 10};
    Comparison c = Comparison.of("b", b, "a", a);
    assertEquals(Comparison.Verdict.NO_SIGNIFICANT_DIFFERENCE, c.verdict());
    assertTrue(c.low() < 1 && c.high() > 1, c.summary());
  }

  @Test
  void clearlyFasterAndSlowerVariants() {
    double[] base = {10, 11, 10.5, 12, 9.8, 10.2, 11.5, 10.1};
    double[] fast = {1, 1.2, 0.9, 1.1, 1.05, 0.95, 1.3, 1};
    Comparison faster = Comparison.of("index", fast, "baseline", base);
    assertEquals(Comparison.Verdict.FASTER, faster.verdict());
    assertTrue(faster.high() < 0.2, faster.summary());
    assertTrue(faster.low() <= faster.medianRatio() && faster.medianRatio() <= faster.high());
    assertTrue(faster.summary().startsWith("'index' is faster than 'baseline'"),
        faster.summary());
    Comparison slower = Comparison.of("baseline", base, "index", fast);
    assertEquals(Comparison.Verdict.SLOWER, slower.verdict());
    assertTrue(slower.low() > 5, slower.summary());
  }

  @Test
  void theIntervalIsReproducible() {
    double[] a = {10, 14, 9, 11, 10, 13, 9, 15, 10, 11};
    double[] b = {8, 9, 12, 10, 7, 12, 11, 9, 8, 10};
    Comparison first = Comparison.of("b", b, "a", a);
    Comparison again = Comparison.of("b", b, "a", a);
    assertEquals(first, again);
  }

  @Test
  void tooFewRunsGiveNoVerdict() {
    Comparison c = Comparison.of("b", new double[] {1, 1, 1, 1}, "a",
        new double[] {9, 9, 9, 9, 9, 9});
    assertEquals(Comparison.Verdict.NOT_ENOUGH_RUNS, c.verdict());
    assertTrue(c.summary().contains("not enough runs"), c.summary());
    assertEquals(1.0 / 9, c.medianRatio(), E);
  }

  @Test
  void refusesWritesAndSetupOtherThanAnIndex() {
    BenchmarkPlan write = BenchmarkPlan.of(List.of(Variant.of("a", "select 1"),
        Variant.of("b", "delete from orders where id = 1")));
    String why = Guard.refusal(write, "postgres", "postgres", "dev").message();
    assertTrue(why.contains("'b' is a delete statement") && why.contains("only runs queries"),
        why);
    assertTrue(Guard.refusal(BenchmarkPlan.of(List.of(Variant.of("a", "select 1; select 2"))),
        "postgres", "postgres", "dev").message().contains("more than one statement"));
    assertTrue(Guard.refusal(BenchmarkPlan.of(List.of()), "postgres", "postgres", "dev")
        .message().contains("no query"));

    assertNull(Guard.notAnIndex("create index ix on orders (customer_id)"));
    assertNull(Guard.notAnIndex("CREATE UNIQUE INDEX ix ON s.orders USING btree (id)"));
    assertTrue(Guard.notAnIndex("drop table orders").contains("only 'create index'"));
    assertTrue(Guard.notAnIndex("create index a on t (x); drop table t").contains("one statement"));
    assertTrue(Guard.notAnIndex("").contains("empty"));
    BenchmarkPlan drop = BenchmarkPlan.of(List.of(Variant.of("a", "select 1"),
        new Variant("b", "select 1", List.of("drop table orders"))));
    String dropWhy = Guard.refusal(drop, "postgres", "postgres", "dev").message();
    assertTrue(dropWhy.startsWith("variant 'b': sandbox setup is a drop statement"), dropWhy);
  }

  @Test
  void sandboxesOnlyOnPostgresAndDuckDb() {
    BenchmarkPlan plan = BenchmarkPlan.of(List.of(Variant.of("a", "select * from t"),
        new Variant("b", "select * from t", List.of("create index ix on t (x)"))));
    assertEquals("sandboxed index benchmarks run on PostgreSQL and DuckDB; target 'x' is mariadb",
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
