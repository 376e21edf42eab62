package dev.dbtls.query;

import dev.dbtls.store.export.ExportFormat;
import dev.dbtls.store.export.ExportResult;
import dev.dbtls.warehouse.PreviewOptions;
import dev.dbtls.warehouse.ProfileResult;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The preview pipeline both the editor ({@code dbt/preview}) and {@code dbtls preview} run: the SQL
 * resolved (model, CTE or ad hoc), parents not built yet inlined, the first page read read-only
 * from the target (cancellable), ready for the history.
 */
public final class ModelPreview {
  /** Rows of a page when none is asked for, and the editor's row limit. */
  public static final int DEFAULT_ROWS = 500;

  /** No one gets more per page: a page travels in one JSON message. */
  public static final int MAX_PAGE_ROWS = 5000;

  private ModelPreview() {}

  /** Resolves the request's SQL, then runs it. */
  public static PreviewOutcome run(PreviewRequest request, Warehouses warehouses) {
    return run(request, resolve(request), warehouses);
  }

  /**
   * Runs SQL already resolved from the request ({@code prepared} may be null or failed: nothing
   * runs).
   */
  public static PreviewOutcome run(
      PreviewRequest request, PreviewSql prepared, Warehouses warehouses) {
    var s = request.snapshot();
    if (prepared == null || prepared.failed()) {
      return new PreviewOutcome(s, prepared, List.of(), null, null, null);
    }
    Instant started = Instant.now();
    UpstreamInliner upstream = UpstreamInliner.onWarehouse(s, prepared, warehouses);
    var r = warehouses.preview(s.inputs(), upstream.sql(), request.options());
    var node = prepared.nodeId() == null ? null : s.manifest().nodes().get(prepared.nodeId());
    String written =
        request.adHoc()
            ? request.sql()
            : node != null && node.file() != null ? node.file().text() : prepared.sql();
    return new PreviewOutcome(s, prepared, upstream.inlined(), r, written, started);
  }

  /** A profile: each column of the whole result summarized; null result when nothing ran. */
  public record Profiled(PreviewSql prepared, List<String> inlined, ProfileResult result) {}

  /**
   * An export: the whole result (or the request's limit) in a file; null result when nothing ran.
   */
  public record Exported(PreviewSql prepared, List<String> inlined, ExportResult result) {}

  /** What a preview would run, summarized column by column over the whole result. */
  public static Profiled profile(
      PreviewRequest request, PreviewSql prepared, Warehouses warehouses) {
    if (prepared == null || prepared.failed()) {
      return new Profiled(prepared, List.of(), null);
    }
    var s = request.snapshot();
    UpstreamInliner upstream = UpstreamInliner.onWarehouse(s, prepared, warehouses);
    return new Profiled(
        prepared,
        upstream.inlined(),
        warehouses.profile(
            s.inputs(),
            upstream.sql(),
            PreviewOptions.defaults()
                .withTimeout(request.timeoutSeconds())
                .withCancel(request.cancel())));
  }

  /** What a preview would run, whole (or up to the request's limit), streamed into {@code file}. */
  public static Exported export(
      PreviewRequest request,
      PreviewSql prepared,
      Path file,
      ExportFormat format,
      Warehouses warehouses) {
    if (prepared == null || prepared.failed()) {
      return new Exported(prepared, List.of(), null);
    }
    var s = request.snapshot();
    UpstreamInliner upstream = UpstreamInliner.onWarehouse(s, prepared, warehouses);
    // no time limit: an export is as long as the result
    return new Exported(
        prepared,
        upstream.inlined(),
        warehouses.export(
            s.inputs(),
            upstream.sql(),
            file,
            format,
            PreviewOptions.defaults()
                .withLimit(request.limit())
                .withTimeout(0)
                .withCancel(request.cancel())));
  }

  /** The SQL a request names, or null when it names nothing to run. */
  public static PreviewSql resolve(PreviewRequest request) {
    return PreviewSql.of(request.snapshot(), request.file(), request.sql(), request.cte())
        .orElse(null);
  }

  /** The warehouse's options for a next page of a cursor: only the page size and cancel matter. */
  public static PreviewOptions pageOptions(long rows, QueryCancel cancel) {
    return PreviewOptions.defaults()
        .withLimit(DEFAULT_ROWS)
        .withPage(pageRows(rows), PreviewOptions.defaults().maxPageBytes())
        .withCancel(cancel);
  }

  /** Rows of a page: {@code asked} between 1 and {@link #MAX_PAGE_ROWS}. */
  public static int pageRows(long asked) {
    return (int) Math.max(1, Math.min(MAX_PAGE_ROWS, asked));
  }
}
