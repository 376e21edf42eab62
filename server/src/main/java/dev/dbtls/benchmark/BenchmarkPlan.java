package dev.dbtls.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * What to time and how: the variants (the first is the baseline the others are compared with),
 * warm-up runs per variant (not measured), measured runs per variant (at most {@code maxRuns}), a
 * time budget after which no new round starts (a running statement is stopped when it alone runs
 * past the budget), the fetch size each run reads with, the number of rows above which a DuckDB
 * sandbox copies a sample of a table, and whether to ask the warehouse what a run costs
 * (PostgreSQL: one {@code explain (analyze, buffers)} per variant, after the timed runs), and when
 * to ask the user before spending on a warehouse that bills for it ({@link CostQuestion}).
 */
public record BenchmarkPlan(
    List<Variant> variants,
    int warmups,
    int runs,
    int maxRuns,
    Duration timeBudget,
    int fetchSize,
    long sampleRows,
    boolean warehouseReport,
    CostQuestion cost) {

  public static final int WARMUPS = 2;
  public static final int RUNS = 10;
  public static final int MAX_RUNS = 1000;
  public static final Duration TIME_BUDGET = Duration.ofMinutes(5);
  public static final int FETCH_SIZE = 1000;
  public static final long SAMPLE_ROWS = 1_000_000;

  public BenchmarkPlan {
    variants = variants == null ? List.of() : List.copyOf(variants);
    warmups = Math.max(0, warmups);
    maxRuns = maxRuns <= 0 ? MAX_RUNS : maxRuns;
    runs = Math.max(1, runs);
    timeBudget =
        timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()
            ? TIME_BUDGET
            : timeBudget;
    fetchSize = fetchSize <= 0 ? FETCH_SIZE : fetchSize;
    sampleRows = sampleRows <= 0 ? SAMPLE_ROWS : sampleRows;
    cost = cost == null ? CostQuestion.NONE : cost;
  }

  /**
   * The defaults: 2 warm-ups, 10 runs, at most 1000, 5 minutes, the warehouse's report, no cost
   * question.
   */
  public static BenchmarkPlan of(List<Variant> variants) {
    return new BenchmarkPlan(
        variants,
        WARMUPS,
        RUNS,
        MAX_RUNS,
        TIME_BUDGET,
        FETCH_SIZE,
        SAMPLE_ROWS,
        true,
        CostQuestion.NONE);
  }

  public BenchmarkPlan withRuns(int warmups, int runs) {
    return new BenchmarkPlan(
        variants, warmups, runs, maxRuns, timeBudget, fetchSize, sampleRows, warehouseReport, cost);
  }

  public BenchmarkPlan withTimeBudget(Duration budget) {
    return new BenchmarkPlan(
        variants, warmups, runs, maxRuns, budget, fetchSize, sampleRows, warehouseReport, cost);
  }

  public BenchmarkPlan withSampleRows(long rows) {
    return new BenchmarkPlan(
        variants, warmups, runs, maxRuns, timeBudget, fetchSize, rows, warehouseReport, cost);
  }

  public BenchmarkPlan withWarehouseReport(boolean report) {
    return new BenchmarkPlan(
        variants, warmups, runs, maxRuns, timeBudget, fetchSize, sampleRows, report, cost);
  }

  /** Asks the user first as {@code question} says. */
  public BenchmarkPlan withCostQuestion(CostQuestion question) {
    return new BenchmarkPlan(
        variants,
        warmups,
        runs,
        maxRuns,
        timeBudget,
        fetchSize,
        sampleRows,
        warehouseReport,
        question);
  }

  /** Measured runs per variant as they will happen: {@code runs}, capped at {@code maxRuns}. */
  public int measuredRuns() {
    return Math.min(runs, maxRuns);
  }

  /** Seconds a single statement may run: the whole budget, at least one. */
  int statementSeconds() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeBudget.toSeconds()));
  }
}
