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
 * dbtls.warehouse.maxBytesScanned} in total; otherwise a note says the bytes and the on-demand cost
 * at the US list price.
 */
final class EngineCost {
  private EngineCost() {}

  static void check(
      Warehouse w, List<Variant> variants, int runsEach, Watched sql, List<String> notes)
      throws Failure {
    ClientEngine engine = w.engine();
    long total = 0;
    StringBuilder each = new StringBuilder();
    for (Variant v : variants) {
      sql.stopIfCancelled();
      ClientEngine.DryRun dry;
      try {
        dry = engine.dryRun(v.sql());
      } catch (SQLException | RuntimeException e) {
        throw sql.failed(e);
      }
      if (!dry.query()) {
        throw new Failure(
            WarehouseError.of(
                ProblemCode.WAREHOUSE_NOT_A_QUERY,
                "variant '"
                    + v.label()
                    + "': BigQuery plans it as "
                    + dry.statementType()
                    + ", not a query: dbtls does not run it"),
            false);
      }
      if (engine.maxBytesBilled() > 0 && dry.bytesProcessed() > engine.maxBytesBilled()) {
        throw new Failure(
            WarehouseError.of(
                ProblemCode.WAREHOUSE_QUERY,
                "variant '"
                    + v.label()
                    + "' would scan "
                    + bytes(dry.bytesProcessed())
                    + " a run, more than the profile's maximum_bytes_billed ("
                    + bytes(engine.maxBytesBilled())
                    + "): not run"),
            false);
      }
      total += dry.bytesProcessed() * runsEach;
      each.append(each.isEmpty() ? "" : ", ")
          .append("'")
          .append(v.label())
          .append("' ")
          .append(bytes(dry.bytesProcessed()));
    }
    if (w.maxBytesScanned() > 0 && total > w.maxBytesScanned()) {
      throw new Failure(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_QUERY,
              "the benchmark would scan "
                  + bytes(total)
                  + " in "
                  + runsEach
                  + " runs per variant, more than dbtls.warehouse.maxBytesScanned ("
                  + bytes(w.maxBytesScanned())
                  + "): fewer runs, or raise the setting"),
          false);
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "before the runs, BigQuery's dry runs said a run scans %s; %d runs per variant, warm-ups included, scan"
                + " %s, about %s on demand at the US list price ($6.25 per TiB; the minimum"
                + " of 10 MB per query billed aside)",
            each,
            runsEach,
            bytes(total),
            ScanBytes.usd(total)));
  }

  private static String bytes(long n) {
    return ScanBytes.text(n);
  }
}
