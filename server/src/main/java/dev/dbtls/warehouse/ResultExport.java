package dev.dbtls.warehouse;

import dev.dbtls.store.export.Export;
import dev.dbtls.store.export.ExportFormat;
import dev.dbtls.store.export.ExportResult;
import dev.dbtls.store.export.RowSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A query's whole result (or up to the options' limit) streamed from the warehouse into a file
 * (CSV, JSON, JSON lines, Parquet, XLSX): the driver fetches a few thousand rows at a time and the
 * writer keeps none of them, so the result never sits in memory. Queries only, as previews; a
 * failure or cancel leaves no file. Never throws.
 */
public final class ResultExport {
  private static final String ALIAS = "dbtls_export";
  private static final int FETCH_ROWS = 5000;

  private ResultExport() {}

  public static ExportResult run(
      Warehouse w, String sql, Path target, ExportFormat format, PreviewOptions options) {
    long t0 = System.nanoTime();
    PreviewOptions o = options == null ? PreviewOptions.defaults().withLimit(0) : options;
    try {
      return execute(w, sql, target, format, o, t0);
    } catch (RuntimeException e) {
      return failed(target, format, t0, "export failed: " + e.getClass().getSimpleName());
    }
  }

  private static ExportResult execute(
      Warehouse w, String sql, Path target, ExportFormat format, PreviewOptions o, long t0) {
    ReadOnlyCheck.Verdict v = ReadOnlyCheck.check(sql, w.sqlType(), w.fileAccess());
    WarehouseError refused = Preview.refusal(v, false);
    if (refused != null) {
      return failed(target, format, t0, refused.message());
    }
    String toRun = RowLimit.wrap(w.sqlType(), v.sql(), o.limit(), ALIAS);
    ConnectionSpec spec = w.spec();
    if (w.engine() != null) {
      return onEngine(w, toRun, target, format, o, t0);
    }
    Connection c;
    try {
      c = w.connection();
    } catch (SQLException e) {
      return failed(target, format, t0, ConnectFailure.of(spec, e).message());
    }
    Statement st = null;
    try (QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds())) {
      try {
        Preview.prepare(c, spec, false);
        st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        st.setFetchSize(FETCH_ROWS);
        watch.running(st);
        ResultSet rs = st.executeQuery(toRun);
        ExportResult r = Export.write(RowSource.of(rs), target, format, watch::stopped);
        watch.close();
        if (!r.ok() && watch.stopped()) {
          return failed(target, format, t0, watch.failure(spec, null).message());
        }
        return r;
      } catch (SQLException | RuntimeException e) {
        watch.close();
        return failed(target, format, t0, watch.failure(spec, e).message());
      } finally {
        Preview.close(st, c);
      }
    }
  }

  /**
   * Through an engine's client library: the dry run's refusals as for a preview, then the job's
   * rows, a page of {@value #FETCH_ROWS} at a time, into the file.
   */
  private static ExportResult onEngine(
      Warehouse w, String sql, Path target, ExportFormat format, PreviewOptions o, long t0) {
    ConnectionSpec spec = w.spec();
    ClientEngine engine = w.engine();
    try {
      WarehouseError refused =
          EnginePreview.refusal(
              spec, engine.dryRun(sql), engine.maxBytesBilled(), w.maxBytesScanned());
      if (refused != null) {
        return failed(target, format, t0, refused.message());
      }
    } catch (SQLException | RuntimeException e) {
      return failed(target, format, t0, QueryFailure.of(spec, e, false, false, 0).message());
    }
    try (QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds())) {
      QueryRows rows = null;
      try {
        rows = engine.query(sql, FETCH_ROWS, true, watch::running);
        ExportResult r = Export.write(new EngineRowSource(rows), target, format, watch::stopped);
        watch.close();
        if (!r.ok() && watch.stopped()) {
          return failed(target, format, t0, watch.failure(spec, null).message());
        }
        return r;
      } catch (SQLException | RuntimeException e) {
        watch.close();
        return failed(target, format, t0, watch.failure(spec, e).message());
      } finally {
        if (rows != null) {
          rows.close();
        }
      }
    }
  }

  private static ExportResult failed(Path target, ExportFormat format, long t0, String message) {
    return new ExportResult(target, format, 0, 0, Preview.millis(t0), message);
  }
}
