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
        return ended(
            Export.write(RowSource.of(rs), target, format, watch::stopped), watch, spec, t0);
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
    WarehouseError refused = EnginePreview.dryRun(w, sql).refused();
    if (refused != null) {
      return failed(target, format, t0, refused.message());
    }
    try (QueryWatch watch = new QueryWatch(o.cancel(), o.timeoutSeconds())) {
      QueryRows rows = null;
      try {
        rows = engine.query(sql, FETCH_ROWS, true, watch::running);
        return ended(
            Export.write(new EngineRowSource(rows), target, format, watch::stopped),
            watch,
            spec,
            t0);
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

  /** The file written, or, when a cancel or the time limit stopped the writing, why not. */
  private static ExportResult ended(
      ExportResult r, QueryWatch watch, ConnectionSpec spec, long t0) {
    watch.close();
    return !r.ok() && watch.stopped()
        ? failed(r.file(), r.format(), t0, watch.failure(spec, null).message())
        : r;
  }

  private static ExportResult failed(Path target, ExportFormat format, long t0, String message) {
    return new ExportResult(target, format, 0, 0, Preview.millis(t0), message);
  }
}
