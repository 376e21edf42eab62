package dev.dbtls.benchmark;

import java.util.List;

/**
 * One variant's outcome: its measured runs (warm-ups not included; the last one cancelled or failed
 * when the benchmark was), the summary of the OK ones, where it ran ({@code sandbox}: null on the
 * warehouse itself, else a label such as "sandbox: PostgreSQL transaction, rolled back"), and what
 * the warehouse reported (null when not asked or not available).
 */
public record VariantResult(
    Variant variant, String sandbox, List<Run> runs, Stats stats, WarehouseReport report) {
  public VariantResult {
    runs = runs == null ? List.of() : List.copyOf(runs);
  }

  /** The OK runs' wall times in milliseconds, in the order they ran. */
  public double[] millis() {
    return runs.stream()
        .filter(r -> r.status() == Run.Status.OK)
        .mapToDouble(Run::millis)
        .toArray();
  }
}
