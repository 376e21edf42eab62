package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Statistics of runs and the bootstrap verdict, on known inputs. */
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
    assertTrue(faster.summary().startsWith("'index' is faster than 'baseline'"), faster.summary());
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
    Comparison c =
        Comparison.of("b", new double[] {1, 1, 1, 1}, "a", new double[] {9, 9, 9, 9, 9, 9});
    assertEquals(Comparison.Verdict.NOT_ENOUGH_RUNS, c.verdict());
    assertTrue(c.summary().contains("not enough runs"), c.summary());
    assertEquals(1.0 / 9, c.medianRatio(), E);
  }
}
