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
    ClientEngine.DryRun dry;
    try {
      dry = engine.dryRun(sql);
    } catch (SQLException | RuntimeException e) {
      return PreviewResult.failed(
          QueryFailure.of(spec, e, false, false, 0), sql, Preview.millis(t0));
    }
    WarehouseError refused = refusal(spec, dry, engine.maxBytesBilled(), w.maxBytesScanned());
    if (refused != null) {
      return PreviewResult.failed(refused, sql, Preview.millis(t0));
    }
    try (QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds())) {
      PreviewCursor cursor = null;
      try {
        QueryRows rows = engine.query(sql, o.pageRows(), true, watch::running);
        cursor = new PreviewCursor(rows, o.limit(), false);
        PreviewCursor.Page p = cursor.next(o.pageRows(), o.maxPageBytes());
        watch.close();
        if (watch.stopped()) {
          cursor.close();
          return PreviewResult.failed(watch.failure(spec, null), sql, Preview.millis(t0));
        }
        String id = null;
        if (p.hasMore()) {
          id = w.cursors().add(cursor);
        } else {
          cursor.close();
        }
        return new PreviewResult(
            cursor.columns(),
            p.rows(),
            p.hasMore(),
            p.truncated(),
            id,
            -1,
            sql,
            Preview.millis(t0),
            null);
      } catch (SQLException | RuntimeException e) {
        watch.close();
        if (cursor != null) {
          cursor.close();
        }
        return PreviewResult.failed(watch.failure(spec, e), sql, Preview.millis(t0));
      }
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
