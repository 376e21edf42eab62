package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;
import java.sql.SQLException;

/**
 * A preview on an engine reached through its client library ({@link ClientEngine}): first a dry
 * run, which must plan a query (nothing else runs: BigQuery has no transaction to roll back)
 * reading no more bytes than the profile's {@code maximum_bytes_billed} and {@code
 * dbtls.warehouse.maxBytesScanned} allow; then the job, whose rows page through the same {@link
 * PreviewCursor} as a JDBC result, stopped by the same cancel and time limit.
 */
final class EnginePreview {
  private EnginePreview() {}

  static PreviewResult run(Warehouse w, String sql, boolean write, PreviewOptions o, long t0) {
    ConnectionSpec spec = w.spec();
    ClientEngine engine = w.engine();
    if (write) {
      return PreviewResult.failed(
          WarehouseError.of(
              ProblemCode.WAREHOUSE_NOT_A_QUERY,
              spec.kind()
                  + " has no transaction dbtls could roll back: dbtls runs only queries there"),
          sql,
          Preview.millis(t0));
    }
    Checked checked = dryRun(w, sql);
    if (checked.refused() != null) {
      return PreviewResult.failed(checked.refused(), sql, Preview.millis(t0));
    }
    try (QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds())) {
      PreviewCursor cursor = null;
      try {
        QueryRows rows = engine.query(sql, o.pageRows(), true, watch::running);
        cursor = new PreviewCursor(rows, o.limit(), false);
        PreviewResult first = Preview.firstPage(w, cursor, watch, o, sql, t0);
        return first.ok() ? first.withBytesScanned(checked.dry().bytesProcessed()) : first;
      } catch (SQLException | RuntimeException e) {
        watch.close();
        if (cursor != null) {
          cursor.close();
        }
        return PreviewResult.failed(watch.failure(spec, e), sql, Preview.millis(t0));
      }
    }
  }

  /** The dry run, and why the statement may not run (null when it may). */
  record Checked(ClientEngine.DryRun dry, WarehouseError refused) {}

  /**
   * Dry-runs {@code sql} on the warehouse's engine and holds it against what may run: a query, and
   * no more bytes than the profile's and the user's limits.
   */
  static Checked dryRun(Warehouse w, String sql) {
    ClientEngine engine = w.engine();
    try {
      ClientEngine.DryRun dry = engine.dryRun(sql);
      return new Checked(dry, refusal(w.spec(), dry, engine.maxBytesBilled(), w.maxBytesScanned()));
    } catch (SQLException | RuntimeException e) {
      return new Checked(null, QueryFailure.of(w.spec(), e, false, false, 0));
    }
  }

  /** Not a query, or more bytes than allowed: one sentence saying which and how much. */
  static WarehouseError refusal(
      ConnectionSpec spec, ClientEngine.DryRun dry, long profileLimit, long userLimit) {
    if (!dry.query()) {
      return WarehouseError.of(
          ProblemCode.WAREHOUSE_NOT_A_QUERY,
          spec.kind()
              + " plans this as "
              + dry.statementType()
              + ", not a query: dbtls does not run it");
    }
    if (profileLimit > 0 && dry.bytesProcessed() > profileLimit) {
      return WarehouseError.of(
          ProblemCode.WAREHOUSE_QUERY,
          "this query would scan "
              + bytes(dry.bytesProcessed())
              + ", more than the profile's maximum_bytes_billed ("
              + bytes(profileLimit)
              + "): not run");
    }
    if (userLimit > 0 && dry.bytesProcessed() > userLimit) {
      return WarehouseError.of(
          ProblemCode.WAREHOUSE_QUERY,
          "this query would scan "
              + bytes(dry.bytesProcessed())
              + ", more than dbtls.warehouse.maxBytesScanned ("
              + bytes(userLimit)
              + "): not run");
    }
    return null;
  }

  static String bytes(long n) {
    return ScanBytes.text(n);
  }
}
