package dev.dbtls.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * Snowflake's credits an hour by warehouse size as Snowflake publishes them, in the spellings
 * {@code show warehouses} and profiles use, and what a benchmark says before and after its runs.
 */
class SnowflakeCreditsTest {
  @Test
  void creditsAnHourBySizeAndType() {
    assertEquals(1.0, SnowflakeCredits.perHour("X-Small", "STANDARD"));
    assertEquals(4.0, SnowflakeCredits.perHour("Medium", null));
    assertEquals(4.0, SnowflakeCredits.perHour("MEDIUM", "STANDARD"));
    assertEquals(32.0, SnowflakeCredits.perHour("2X-Large", "STANDARD"));
    assertEquals(32.0, SnowflakeCredits.perHour("XXLARGE", "STANDARD"));
    assertEquals(512.0, SnowflakeCredits.perHour("6X-Large", "STANDARD"));
    assertEquals(6.0, SnowflakeCredits.perHour("Medium", "SNOWPARK-OPTIMIZED"));
    assertTrue(Double.isNaN(SnowflakeCredits.perHour("Gigantic", "STANDARD")));
  }

  @Test
  void whatTheBenchmarkSaysBeforeAndAfter() {
    var medium = new SnowflakeCredits.Warehouse("TRANSFORMING", "Medium", "STANDARD", 4.0);
    assertEquals(
        "the runs use warehouse TRANSFORMING (Medium, standard: 4 credits an hour while it runs,"
            + " billed by the second, at least a minute each time it resumes)",
        medium.before());
    assertEquals(
        "the runs, warm-ups included, kept warehouse TRANSFORMING busy for 27.0 s: about 0.03"
            + " credits at its rate, if nothing else ran on it meanwhile",
        medium.after(27_000));
    var odd = new SnowflakeCredits.Warehouse("WH", "Gigantic", null, Double.NaN);
    assertEquals(
        "the runs use warehouse WH (Gigantic; its credits an hour are not known to dbtls)",
        odd.before());
    assertEquals("", odd.after(27_000));
  }

  @Test
  void aTimeBudgetThatCouldCostMoreThanTheThresholdAsksFirst() {
    var big = new SnowflakeCredits.Warehouse("BIG", "4X-Large", "STANDARD", 128.0);
    java.time.Duration fiveMinutes = java.time.Duration.ofMinutes(5);
    assertEquals(128.0 / 12, big.most(fiveMinutes), 1e-9);
    assertEquals(128.0 / 60, big.most(java.time.Duration.ofSeconds(10)), 1e-9, "a minute at least");
    var asked = big.question(new CostQuestion(0, 0, 1.0, 0), fiveMinutes);
    assertEquals(dev.dbtls.project.ProblemCode.BENCHMARK_COST_UNCONFIRMED, asked.code());
    assertEquals(
        "not run yet: the runs stop within the time budget of 5 min, which on warehouse BIG"
            + " (4X-Large, 128 credits an hour) is at most 10.67 credits, more than"
            + " dbtls.benchmark.confirmCreditsAbove (1); confirm to run it",
        asked.message());
    // accepted as the report said it (rounded as a client may send it back): no question
    assertEquals(null, big.question(new CostQuestion(0, 0, 1.0, 10.6667), fiveMinutes));
    assertTrue(big.question(new CostQuestion(0, 0, 1.0, 5), fiveMinutes) != null, "less: asked");
    // a Medium warehouse for 5 minutes is a third of a credit: nothing to ask
    var medium = new SnowflakeCredits.Warehouse("WH", "Medium", "STANDARD", 4.0);
    assertEquals(null, medium.question(new CostQuestion(0, 0, 1.0, 0), fiveMinutes));
    // 0 never asks
    assertEquals(null, big.question(CostQuestion.NONE, fiveMinutes));
  }

  @Test
  void anEngineWithoutShowWarehousesFailsWithItsOwnMessage() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      // DuckDB has no current_warehouse(): the benchmark notes that the size is unknown
      assertThrows(java.sql.SQLException.class, () -> SnowflakeCredits.read(c));
    }
  }
}
