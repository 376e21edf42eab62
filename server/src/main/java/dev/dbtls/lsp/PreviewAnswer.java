package dev.dbtls.lsp;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.Problem;
import dev.dbtls.protocol.CompileProblem;
import dev.dbtls.protocol.Position;
import dev.dbtls.protocol.PreviewColumn;
import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.PreviewPage;
import dev.dbtls.protocol.PreviewPageParams;
import dev.dbtls.protocol.PreviewParams;
import dev.dbtls.protocol.PreviewResult;
import dev.dbtls.protocol.Range;
import dev.dbtls.query.ModelPreview;
import dev.dbtls.query.PreviewOutcome;
import dev.dbtls.query.PreviewRequest;
import dev.dbtls.query.PreviewSql;
import dev.dbtls.warehouse.PreviewOptions;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.WarehouseError;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.List;

/** {@code dbt/preview} and {@code dbt/previewPage} in protocol records (docs/protocol.md). */
final class PreviewAnswer {
  private PreviewAnswer() {}

  static PreviewResult of(
      ProjectSnapshot s,
      Path file,
      PreviewParams p,
      QueryCancel cancel,
      Warehouses warehouses,
      Uris uris,
      java.util.concurrent.CompletableFuture<dev.dbtls.store.Store> store) {
    Path root = s.inputs().root().dir();
    PreviewOutcome o =
        ModelPreview.run(
            new PreviewRequest(
                s,
                file,
                p.sql(),
                p.cte(),
                p.limit() == null ? ModelPreview.DEFAULT_ROWS : Math.max(0, p.limit()),
                p.pageRows() == null ? ModelPreview.DEFAULT_ROWS : p.pageRows(),
                PreviewOptions.defaults().maxPageBytes(),
                PreviewOptions.defaults().timeoutSeconds(),
                Boolean.TRUE.equals(p.allowWrites()),
                cancel),
            warehouses);
    PreviewSql prepared = o.prepared();
    if (o.nothing()) {
      return new PreviewResult(
          p.uri(),
          null,
          "",
          List.of(),
          List.of(),
          false,
          false,
          null,
          0,
          List.of(),
          List.of(),
          new PreviewError(
              "preview-nothing",
              "this document defines no model to preview; " + "select SQL to preview it ad hoc"),
          null);
    }
    List<CompileProblem> problems =
        prepared.problems().stream().distinct().map(x -> problem(uris, root, x)).toList();
    if (o.compileFailed()) {
      return new PreviewResult(
          p.uri(),
          prepared.nodeId(),
          "",
          List.of(),
          List.of(),
          false,
          false,
          null,
          0,
          List.of(),
          problems,
          new PreviewError("compile-failed", "the SQL could not be compiled: see problems"),
          null);
    }
    var r = o.result();
    // the history is written after the answer, off the request's path
    store.thenAcceptAsync(o::record);
    return new PreviewResult(
        p.uri(),
        prepared.nodeId(),
        prepared.sql(),
        r.columns().stream()
            .map(c -> new PreviewColumn(c.name(), c.databaseType(), c.type()))
            .toList(),
        r.rows(),
        r.hasMore(),
        r.truncated(),
        r.cursor(),
        r.millis(),
        o.inlined(),
        problems,
        error(r.error()),
        r.bytesScanned());
  }

  /** {@code dbt/profile}: the same SQL a preview would run, summarized column by column. */
  static dev.dbtls.protocol.ProfileResult profile(
      ProjectSnapshot s,
      Path file,
      dev.dbtls.protocol.ProfileParams p,
      QueryCancel cancel,
      Warehouses warehouses) {
    PreviewRequest request = request(s, file, p.sql(), null, ModelPreview.DEFAULT_ROWS, cancel);
    PreviewSql prepared = ModelPreview.resolve(request);
    if (prepared == null || prepared.failed()) {
      return new dev.dbtls.protocol.ProfileResult(
          p.uri(),
          prepared == null ? null : prepared.nodeId(),
          0,
          List.of(),
          0,
          List.of(),
          new PreviewError(
              prepared == null ? "preview-nothing" : "compile-failed",
              prepared == null
                  ? "this document defines no model to profile"
                  : "the SQL could not be compiled: dbt/compile shows why"));
    }
    ModelPreview.Profiled o = ModelPreview.profile(request, prepared, warehouses);
    var r = o.result();
    return new dev.dbtls.protocol.ProfileResult(
        p.uri(),
        prepared.nodeId(),
        r.rows(),
        r.columns().stream()
            .map(
                c ->
                    new dev.dbtls.protocol.ColumnProfile(
                        c.name(),
                        c.type(),
                        c.nulls(),
                        c.distinct(),
                        c.min(),
                        c.max(),
                        c.top().stream()
                            .map(t -> new dev.dbtls.protocol.TopValue(t.value(), t.count()))
                            .toList()))
            .toList(),
        r.millis(),
        o.inlined(),
        error(r.error()));
  }

  /** {@code dbt/export}: what a preview runs, whole, streamed into a file on this machine. */
  static dev.dbtls.protocol.ExportResult export(
      ProjectSnapshot s,
      Path file,
      dev.dbtls.protocol.ExportParams p,
      QueryCancel cancel,
      Warehouses warehouses) {
    Path target =
        p.path() == null || p.path().isBlank() ? null : Path.of(p.path()).toAbsolutePath();
    String name = target == null ? "" : target.getFileName().toString();
    String wanted =
        p.format() != null
            ? p.format()
            : name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    var format =
        java.util.Arrays.stream(dev.dbtls.store.export.ExportFormat.values())
            .filter(
                f -> f.extension().equalsIgnoreCase(wanted) || f.name().equalsIgnoreCase(wanted))
            .findFirst();
    if (target == null || format.isEmpty()) {
      return new dev.dbtls.protocol.ExportResult(
          p.path(),
          wanted,
          0,
          0,
          0,
          new PreviewError(
              "export-target",
              "give a file path ending in .csv, .json, .jsonl, .parquet or .xlsx (or a format)"));
    }
    PreviewRequest request =
        request(s, file, p.sql(), p.cte(), p.limit() == null ? 0 : Math.max(0, p.limit()), cancel);
    PreviewSql prepared = ModelPreview.resolve(request);
    if (prepared == null || prepared.failed()) {
      return new dev.dbtls.protocol.ExportResult(
          target.toString(),
          format.get().extension(),
          0,
          0,
          0,
          new PreviewError("compile-failed", "nothing to export: the SQL could not be compiled"));
    }
    var r = ModelPreview.export(request, prepared, target, format.get(), warehouses).result();
    return new dev.dbtls.protocol.ExportResult(
        target.toString(),
        format.get().extension(),
        r.rows(),
        r.bytes(),
        r.millis(),
        r.ok() ? null : new PreviewError("export-failed", r.error()));
  }

  static PreviewPage page(PreviewPageParams p, QueryCancel cancel, Warehouses warehouses) {
    if (p == null || p.cursor() == null) {
      return new PreviewPage(
          List.of(), false, false, null, new PreviewError("warehouse-cursor", "no cursor given"));
    }
    var r =
        warehouses.page(
            p.cursor(),
            ModelPreview.pageOptions(
                p.pageRows() == null ? ModelPreview.DEFAULT_ROWS : p.pageRows(), cancel));
    return new PreviewPage(r.rows(), r.hasMore(), r.truncated(), r.cursor(), error(r.error()));
  }

  /** A profile's or an export's request: the editor's default page and time limit. */
  private static PreviewRequest request(
      ProjectSnapshot s, Path file, String sql, String cte, long limit, QueryCancel cancel) {
    return new PreviewRequest(
        s,
        file,
        sql,
        cte,
        limit,
        ModelPreview.DEFAULT_ROWS,
        PreviewOptions.defaults().maxPageBytes(),
        PreviewOptions.defaults().timeoutSeconds(),
        false,
        cancel);
  }

  static PreviewError error(WarehouseError e) {
    return e == null ? null : new PreviewError(e.code().id(), e.message());
  }

  static CompileProblem problem(Uris uris, Path root, Problem p) {
    Path file = root.resolve(p.file().isEmpty() ? DbtProject.FILE : p.file()).normalize();
    return new CompileProblem(
        uris.uri(file),
        new Range(new Position(p.line(), p.column()), new Position(p.endLine(), p.endColumn())),
        dev.dbtls.protocol.ProblemSeverity.valueOf(p.severity().name()),
        p.code().id(),
        p.message());
  }
}
