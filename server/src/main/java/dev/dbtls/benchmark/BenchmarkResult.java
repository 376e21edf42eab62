package dev.dbtls.benchmark;

import dev.dbtls.warehouse.WarehouseError;
import java.util.List;

/**
 * A benchmark's outcome: how it ended, each variant's runs and summary, each later variant compared
 * with the first, notes a reader needs to trust the figures (result caches, sandbox, runs cut short
 * by the time budget), the error when it failed or was refused, its own duration, and where the
 * engine bills by bytes scanned (BigQuery) the bytes its dry runs said all its runs scan, where it
 * bills the warehouse's time (Snowflake) the most its time budget can cost in credits (null
 * elsewhere). The runs done before a cancel or a failure are kept.
 */
public record BenchmarkResult(
    Status status,
    List<VariantResult> variants,
    List<Comparison> comparisons,
    List<String> notes,
    WarehouseError error,
    long millis,
    Long scanBytes,
    Double maxCredits) {

  /** How a benchmark ended. */
  public enum Status {
    /** Every planned run done. */
    COMPLETED,
    /** The time budget ran out: fewer runs than planned, the figures stand. */
    BUDGET_SPENT,
    CANCELLED,
    /** Refused before running (a write, a setup that is not an index, an unknown sandbox). */
    REFUSED,
    FAILED
  }

  public BenchmarkResult {
    variants = variants == null ? List.of() : List.copyOf(variants);
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** Not run: its scan was above the threshold and the user had not accepted it. */
  public boolean unconfirmedCost() {
    return error != null
        && error.code() == dev.dbtls.project.ProblemCode.BENCHMARK_COST_UNCONFIRMED;
  }

  public boolean ok() {
    return status == Status.COMPLETED || status == Status.BUDGET_SPENT;
  }
}
