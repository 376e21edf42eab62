package dev.dbtls.benchmark;

import java.util.List;

/**
 * A query to time, under a label the user reads ("baseline", "with index on customer_id"). {@code
 * sandboxSetup} holds statements (only {@code create index}) that exist only inside the benchmark's
 * sandbox, for this variant alone; empty for a plain query.
 */
public record Variant(String label, String sql, List<String> sandboxSetup) {
  public Variant {
    label = label == null || label.isBlank() ? "query" : label;
    sandboxSetup = sandboxSetup == null ? List.of() : List.copyOf(sandboxSetup);
  }

  /** A plain query, without sandbox setup. */
  public static Variant of(String label, String sql) {
    return new Variant(label, sql, List.of());
  }

  public boolean sandboxed() {
    return !sandboxSetup.isEmpty();
  }
}
