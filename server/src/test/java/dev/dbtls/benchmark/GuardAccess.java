package dev.dbtls.benchmark;

import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.WarehouseError;
import java.util.List;

/** The benchmark's guard for tests of other packages: why one query would not be benchmarked. */
public final class GuardAccess {
  private GuardAccess() {}

  public static WarehouseError refusal(Warehouse w, String sql) {
    return Guard.refusal(
        BenchmarkPlan.of(List.of(Variant.of("a", sql))),
        w.sqlType(),
        w.kind(),
        w.targetName(),
        w.fileAccess());
  }
}
