package dev.dbtls.benchmark;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.warehouse.ClientEngine;
import dev.dbtls.warehouse.ScanBytes;
import dev.dbtls.warehouse.Warehouse;
import dev.dbtls.warehouse.WarehouseError;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark will scan where the engine bills by bytes (BigQuery), said before any run: each
 * variant's dry run times the runs. Refused when a variant is not a query, or when the whole would
 * pass the profile's {@code maximum_bytes_billed} per run or {@code
 * dbtls.warehouse.maxBytesScanned} in total; asked first when it passes {@code
 * dbtls.benchmark.confirmBytesAbove} and the user has not accepted as much; otherwise a note says
 * the bytes and the on-demand cost at the US list price.
 */
final class EngineCost {
  private EngineCost() {}

  /** What the dry runs said: the bytes of all runs, and a run of each variant in words. */
  record Scan(long total, String each) {}

  /**
   * The bytes all runs will scan: each variant's dry run times {@code runsEach}. Fails when a
   * variant is not a query or one run would pass the profile's {@code maximum_bytes_billed}.
   */
  static Scan scan(Warehouse w, List<Variant> variants, int runsEach, Watched sql) throws Failure {
    ClientEngine engine = w.engine();
    long total = 0;
    StringBuilder each = new StringBuilder();
    for (Variant v : variants) {
      sql.stopIfCancelled();
      ClientEngine.DryRun dry = dryRun(engine, v, sql);
      if (!dry.query()) {
        throw refused(
            ProblemCode.WAREHOUSE_NOT_A_QUERY,
            "variant '"
                + v.label()
                + "': BigQuery plans it as "
                + dry.statementType()
                + ", not a query: dbtls does not run it");
      }
      if (engine.maxBytesBilled() > 0 && dry.bytesProcessed() > engine.maxBytesBilled()) {
        throw refused(
            ProblemCode.WAREHOUSE_QUERY,
            "variant '"
                + v.label()
                + "' would scan "
                + bytes(dry.bytesProcessed())
                + " a run, more than the profile's maximum_bytes_billed ("
                + bytes(engine.maxBytesBilled())
                + "): not run");
      }
      total += dry.bytesProcessed() * runsEach;
      each.append(each.isEmpty() ? "" : ", ")
          .append("'")
          .append(v.label())
          .append("' ")
          .append(bytes(dry.bytesProcessed()));
    }
    return new Scan(total, each.toString());
  }

  /**
   * Whether the runs may scan {@code total}: refused above {@code dbtls.warehouse.maxBytesScanned};
   * asked above the plan's threshold unless the user accepted as much; else noted.
   */
  static void allow(Warehouse w, BenchmarkPlan plan, Scan scan, int runsEach, List<String> notes)
      throws Failure {
    long total = scan.total();
    String cost =
        String.format(
            Locale.ROOT,
            "%s (a run: %s) in %d runs per variant, warm-ups included, about %s on demand at the"
                + " US list price ($6.25 per TiB; the minimum of 10 MB per query billed aside)",
            bytes(total),
            scan.each(),
            runsEach,
            ScanBytes.usd(total));
    if (w.maxBytesScanned() > 0 && total > w.maxBytesScanned()) {
      throw refused(
          ProblemCode.WAREHOUSE_QUERY,
          "the benchmark would scan "
              + bytes(total)
              + " in "
              + runsEach
              + " runs per variant, more than dbtls.warehouse.maxBytesScanned ("
              + bytes(w.maxBytesScanned())
              + "): fewer runs, or raise the setting");
    }
    if (plan.cost().asksBytes(total)) {
      throw refused(
          ProblemCode.BENCHMARK_COST_UNCONFIRMED,
          "not run yet: BigQuery's dry runs say the benchmark would scan "
              + cost
              + ", more than dbtls.benchmark.confirmBytesAbove ("
              + bytes(plan.cost().bytesAbove())
              + "); confirm to run it");
    }
    notes.add("before the runs, BigQuery's dry runs said they scan " + cost);
  }

  private static ClientEngine.DryRun dryRun(ClientEngine engine, Variant v, Watched sql)
      throws Failure {
    try {
      return engine.dryRun(v.sql());
    } catch (SQLException | RuntimeException e) {
      throw sql.failed(e);
    }
  }

  private static Failure refused(ProblemCode code, String message) {
    return new Failure(WarehouseError.of(code, message), false);
  }

  private static String bytes(long n) {
    return ScanBytes.text(n);
  }
}
