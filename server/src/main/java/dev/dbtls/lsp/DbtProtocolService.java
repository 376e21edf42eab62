package dev.dbtls.lsp;

import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.SourceMap;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.Problem;
import dev.dbtls.protocol.CompileParams;
import dev.dbtls.protocol.CompileProblem;
import dev.dbtls.protocol.CompileResult;
import dev.dbtls.protocol.DbtProtocol;
import dev.dbtls.protocol.Position;
import dev.dbtls.protocol.Range;
import dev.dbtls.protocol.SourceMapSegment;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import dev.dbtls.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The {@code dbt/*} requests (docs/protocol.md). */
final class DbtProtocolService implements DbtProtocol {
  private final Workspace workspace;
  private final Uris uris;
  private final Warehouses warehouses;

  /** Blocking JDBC and store work runs here, never on the threads editor features use. */
  private final java.util.concurrent.Executor warehouse;

  private final LocalStore store;
  private final java.util.function.Supplier<dev.dbtls.workspace.Settings> settings;
  private final BenchmarkAnswer benchmarks;
  private final Requests requests;
  private final dev.dbtls.query.ForeignKeyMemory foreignKeys;
  private final java.util.function.Supplier<org.eclipse.lsp4j.services.LanguageClient> client;

  /** Told each run's results: its tests' failures become problems of their YAML entries. */
  private final java.util.function.BiConsumer<
          dev.dbtls.index.compile.ProjectSnapshot, java.util.List<dev.dbtls.run.NodeResult>>
      runEnded;

  DbtProtocolService(
      Workspace workspace,
      Uris uris,
      Warehouses warehouses,
      Requests requests,
      LocalStore store,
      java.util.function.Supplier<dev.dbtls.workspace.Settings> settings,
      java.util.function.Supplier<org.eclipse.lsp4j.services.LanguageClient> client,
      java.util.function.BiConsumer<
              dev.dbtls.index.compile.ProjectSnapshot, java.util.List<dev.dbtls.run.NodeResult>>
          runEnded) {
    this.runEnded = runEnded;
    this.workspace = workspace;
    this.uris = uris;
    this.warehouses = warehouses;
    this.warehouse = requests.warehouse();
    this.store = store;
    this.settings = settings;
    this.benchmarks = new BenchmarkAnswer(client);
    this.requests = requests;
    this.foreignKeys =
        new dev.dbtls.query.ForeignKeyMemory(warehouses, store.whenOpen(), warehouse);
    this.client = client;
  }

  /** Whether the client shows {@code $/progress} (benchmarks report on it). */
  void progressSupported(boolean yes) {
    benchmarks.progressSupported(yes);
  }

  /** {@code window/workDoneProgress/cancel}. */
  void cancelProgress(String token) {
    benchmarks.cancelProgress(token);
  }

  /** Ends running benchmarks (shutdown). */
  void close() {
    benchmarks.close();
  }

  /**
   * What a warehouse request does once its project is built: the snapshot, the document, the
   * cancel.
   */
  private interface OnWarehouse<T> {
    T answer(ProjectSnapshot s, Path file, QueryCancel cancel);
  }

  /**
   * Runs {@code work} on the project of {@code uri} once every edit sent so far is built; null when
   * the document belongs to no project. A cancelled request cancels the query in the database
   * ({@code $/cancelRequest} cancels the returned future).
   */
  private <T> CompletableFuture<T> onWarehouse(String uri, OnWarehouse<T> work) {
    Path file = uri == null ? null : uris.path(uri);
    Optional<Path> project = file == null ? Optional.empty() : workspace.projectOf(file);
    if (project.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    QueryCancel cancel = new QueryCancel();
    CompletableFuture<T> answer =
        workspace
            .upToDate(project.get())
            .thenApplyAsync(s -> s == null ? null : work.answer(s, file, cancel), warehouse);
    return cancelling(answer, cancel);
  }

  private static <T> CompletableFuture<T> cancelling(
      CompletableFuture<T> answer, QueryCancel cancel) {
    answer.whenComplete(
        (r, e) -> {
          if (e instanceof java.util.concurrent.CancellationException) {
            cancel.cancel();
          }
        });
    return answer;
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.PreviewResult> preview(
      dev.dbtls.protocol.PreviewParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) -> PreviewAnswer.of(s, file, p, cancel, warehouses, uris, store.now()));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.PreviewPage> previewPage(
      dev.dbtls.protocol.PreviewPageParams p) {
    QueryCancel cancel = new QueryCancel();
    return cancelling(
        CompletableFuture.supplyAsync(() -> PreviewAnswer.page(p, cancel, warehouses), warehouse),
        cancel);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ProfileResult> profile(
      dev.dbtls.protocol.ProfileParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) -> PreviewAnswer.profile(s, file, p, cancel, warehouses));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.CatalogResult> catalog(
      dev.dbtls.protocol.CatalogParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) ->
            CatalogAnswer.of(s, cancel, warehouses, uris, store.now(), foreignKeys));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ExportResult> export(
      dev.dbtls.protocol.ExportParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) -> PreviewAnswer.export(s, file, p, cancel, warehouses));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.RunResult> run(dev.dbtls.protocol.RunParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) ->
            RunsAnswer.recorded(
                store.now().join(),
                s,
                RunAnswer.of(
                    s,
                    file,
                    p,
                    cancel,
                    warehouses,
                    settings.get().protectedTargets(),
                    uris,
                    client,
                    runEnded,
                    settings.get().executor(),
                    settings.get().dbtPath())));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.RunsResult> runs(dev.dbtls.protocol.RunsParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) -> RunsAnswer.of(store.now().join(), s, p, uris));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.TestsResult> tests(dev.dbtls.protocol.TestsParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) -> TestsAnswer.of(s, store.now().join(), uris));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.SavedQueriesResult> savedQueries(
      dev.dbtls.protocol.SavedQueriesParams p) {
    return store.now().thenApplyAsync(st -> SavedQueriesAnswer.list(st, p), warehouse);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.SavedQueriesResult> saveQuery(
      dev.dbtls.protocol.SavedQuery q) {
    return store.now().thenApplyAsync(st -> SavedQueriesAnswer.save(st, q), warehouse);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.SavedQueriesResult> deleteQuery(
      dev.dbtls.protocol.DeleteQueryParams p) {
    return store
        .now()
        .thenApplyAsync(st -> SavedQueriesAnswer.delete(st, p == null ? -1 : p.id()), warehouse);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.HistoryResult> history(
      dev.dbtls.protocol.HistoryParams params) {
    dev.dbtls.protocol.HistoryParams p =
        params == null ? new dev.dbtls.protocol.HistoryParams(null, null, null, null) : params;
    Path file = p.uri() == null ? null : uris.path(p.uri());
    Path project = file == null ? null : workspace.projectOf(file).orElse(null);
    return store.now().thenApplyAsync(st -> HistoryAnswer.of(st, p, project), warehouse);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ExplainResult> explain(
      dev.dbtls.protocol.ExplainParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) ->
            ExplainAnswer.of(s, file, p, cancel, warehouses, uris, store.now().join()));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.RecommendationsResult> recommendations(
      dev.dbtls.protocol.RecommendationsParams p) {
    Path project = projectOf(p == null ? null : p.uri());
    return store.now().thenApplyAsync(st -> RecommendationsAnswer.list(st, project), warehouse);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.RecommendationsResult> setRecommendationStatus(
      dev.dbtls.protocol.RecommendationStatusParams p) {
    Path project = projectOf(p == null ? null : p.uri());
    return store
        .now()
        .thenApplyAsync(st -> RecommendationsAnswer.setStatus(st, project, p), warehouse);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ApplyRecommendationResult> applyRecommendation(
      dev.dbtls.protocol.ApplyRecommendationParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) ->
            RecommendationsAnswer.apply(
                s, p, settings.get().benchmark().allowApply(), warehouses, store.now().join()));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.BenchmarkStarted> benchmark(
      dev.dbtls.protocol.BenchmarkParams p) {
    return onWarehouse(
        p == null ? null : p.uri(),
        (s, file, cancel) ->
            benchmarks.start(s, file, p, settings.get(), warehouses, store.now().join(), uris));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.BenchmarkStatus> benchmarkStatus(
      dev.dbtls.protocol.BenchmarkStatusParams p) {
    return CompletableFuture.completedFuture(p == null ? null : benchmarks.status(p.id()));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.BenchmarkStatus> benchmarkCancel(
      dev.dbtls.protocol.BenchmarkStatusParams p) {
    return CompletableFuture.completedFuture(p == null ? null : benchmarks.cancel(p.id()));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.BenchmarksResult> benchmarks(
      dev.dbtls.protocol.BenchmarksParams p) {
    Path file = p == null || p.uri() == null ? null : uris.path(p.uri());
    Path project = projectOf(p == null ? null : p.uri());
    return store
        .now()
        .thenApplyAsync(
            st -> {
              String nodeId = null;
              var s = project == null ? null : workspace.current(project).orElse(null);
              if (s != null && file != null) {
                nodeId =
                    dev.dbtls.ide.Analysis.of(s)
                        .compilableNode(file)
                        .map(n -> n.uniqueId())
                        .orElse(null);
              }
              return BenchmarkAnswer.history(st, project, nodeId, p == null ? null : p.limit());
            },
            warehouse);
  }

  private Path projectOf(String uri) {
    Path file = uri == null ? null : uris.path(uri);
    return file == null ? null : workspace.projectOf(file).orElse(null);
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ProjectsResult> projects(
      dev.dbtls.protocol.ProjectsParams p) {
    return workspace
        .found()
        .thenCompose(
            found -> {
              List<CompletableFuture<dev.dbtls.protocol.ProjectInfo>> each =
                  workspace.projectDirs().stream()
                      .sorted()
                      .map(
                          dir ->
                              workspace
                                  .upToDate(dir)
                                  .handle(
                                      (s, e) -> ProjectsAnswer.of(dir, s, uris, workspace.files())))
                      .toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          new dev.dbtls.protocol.ProjectsResult(
                              each.stream().map(CompletableFuture::join).toList()));
            });
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.LineageResult> lineage(
      dev.dbtls.protocol.LineageParams p) {
    if (p == null || (p.uri() == null && (p.nodeId() == null || p.nodeId().isBlank()))) {
      return CompletableFuture.completedFuture(
          LineageAnswer.empty("dbt/lineage needs a uri or a nodeId"));
    }
    dev.dbtls.ide.Lineage.Options options =
        dev.dbtls.ide.Lineage.Options.of(
            p.upstreamDepth(), p.downstreamDepth(), p.includeTests(), p.maxNodes());
    String nodeId = p.nodeId() == null || p.nodeId().isBlank() ? null : p.nodeId();
    if (p.uri() != null) {
      Path file = uris.path(p.uri());
      Path dir =
          file == null ? null : workspace.projectOf(file).filter(file::startsWith).orElse(null);
      if (dir == null) {
        return CompletableFuture.completedFuture(
            LineageAnswer.empty(p.uri() + " is not in a dbt project"));
      }
      String displayPath = dir.relativize(file).toString().replace('\\', '/');
      CompletableFuture<dev.dbtls.ide.Analysis> ready = workspace.analysis(dir);
      return requests
          .after(
              ready,
              a ->
                  a == null
                      ? notLoaded(dir, ready)
                      : LineageAnswer.of(a.lineage(displayPath, nodeId, options), dir, uris::uri))
          .thenApplyAsync(
              r -> painted(r, java.util.Collections.singletonList(ready.getNow(null))), warehouse);
    }
    // a unique id alone: the first project (by folder) that has the node
    CompletableFuture<List<dev.dbtls.ide.Analysis>> all =
        workspace
            .found()
            .thenCompose(
                v -> {
                  List<CompletableFuture<dev.dbtls.ide.Analysis>> each =
                      workspace.projectDirs().stream()
                          .sorted()
                          .map(dir -> workspace.analysis(dir).exceptionally(e -> null))
                          .toList();
                  return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                      .thenApply(x -> each.stream().map(CompletableFuture::join).toList());
                });
    return requests
        .after(
            all,
            analyses -> {
              if (analyses == null) {
                return LineageAnswer.empty("the workspace's dbt projects are still loading");
              }
              for (dev.dbtls.ide.Analysis a : analyses) {
                if (a != null
                    && a.snapshot() != null
                    && a.snapshot().manifest().nodes().containsKey(nodeId)) {
                  return LineageAnswer.of(
                      a.lineage(null, nodeId, options),
                      a.snapshot().inputs().root().dir(),
                      uris::uri);
                }
              }
              return LineageAnswer.empty(
                  analyses.isEmpty()
                      ? "the workspace has no dbt project"
                      : "no node " + nodeId + " in the workspace's dbt projects");
            })
        .thenApplyAsync(r -> painted(r, all.getNow(List.of())), warehouse);
  }

  /**
   * The lineage painted with each node's last run (the store's run history), read on the warehouse
   * threads as all store work is; {@code analyses}: where the answer's root may be.
   */
  private dev.dbtls.protocol.LineageResult painted(
      dev.dbtls.protocol.LineageResult r, List<dev.dbtls.ide.Analysis> analyses) {
    for (dev.dbtls.ide.Analysis a :
        analyses == null ? List.<dev.dbtls.ide.Analysis>of() : analyses) {
      if (r != null
          && r.root() != null
          && a != null
          && a.snapshot() != null
          && a.snapshot().manifest().nodes().containsKey(r.root())) {
        return RunsAnswer.painted(r, store.now().join(), a.snapshot());
      }
    }
    return r;
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ColumnLineageResult> columnLineage(
      dev.dbtls.protocol.ColumnLineageParams p) {
    if (p == null || p.column() == null || (p.uri() == null && p.nodeId() == null)) {
      return CompletableFuture.completedFuture(
          ColumnLineageAnswer.empty("dbt/columnLineage needs a column and a uri or a nodeId"));
    }
    dev.dbtls.ide.ColumnLineage.Options options =
        dev.dbtls.ide.ColumnLineage.Options.of(
            p.upstreamDepth(), p.downstreamDepth(), p.includeFilters(), p.maxColumns());
    return requests.after(
        inferredProject(p.uri(), p.nodeId()),
        in ->
            in.analysis() == null
                ? ColumnLineageAnswer.empty(in.message())
                : ColumnLineageAnswer.of(
                    in.analysis().columnLineage(in.displayPath(), p.nodeId(), p.column(), options),
                    in.dir(),
                    uris::uri));
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ColumnsResult> columns(
      dev.dbtls.protocol.ColumnsParams p) {
    if (p == null || (p.uri() == null && p.nodeId() == null)) {
      return CompletableFuture.completedFuture(
          ColumnsAnswer.empty("dbt/columns needs a uri or a nodeId"));
    }
    return requests.after(
        inferredProject(p.uri(), p.nodeId()),
        in ->
            in.analysis() == null
                ? ColumnsAnswer.empty(in.message())
                : ColumnsAnswer.of(in.analysis().columnsOf(in.displayPath(), p.nodeId())));
  }

  /** A project's analysis with its columns inferred, the document's path in it; else why not. */
  private record InferredProject(
      Path dir, dev.dbtls.ide.Analysis analysis, String displayPath, String message) {}

  /**
   * The project of document {@code uri}, else (a unique id alone) the first project by folder that
   * has {@code nodeId}, once its columns are inferred.
   */
  private CompletableFuture<InferredProject> inferredProject(String uri, String nodeId) {
    Path file = uri == null ? null : uris.path(uri);
    if (file == null) {
      return projectWithNode(nodeId)
          .thenCompose(
              dir ->
                  dir == null
                      ? CompletableFuture.completedFuture(
                          new InferredProject(
                              null,
                              null,
                              null,
                              "no node " + nodeId + " in the workspace's dbt projects"))
                      : workspace
                          .inferred(dir, 5)
                          .thenApply(
                              a ->
                                  new InferredProject(
                                      dir, a, null, "the dbt project is not loaded")));
    }
    Path dir = workspace.projectOf(file).filter(file::startsWith).orElse(null);
    if (dir == null) {
      return CompletableFuture.completedFuture(
          new InferredProject(null, null, null, "no dbt project for " + uri));
    }
    String displayPath = dir.relativize(file).toString().replace('\\', '/');
    return workspace
        .inferred(dir, 5)
        .thenApply(a -> new InferredProject(dir, a, displayPath, "the dbt project is not loaded"));
  }

  /** The folder of the first project (by folder) whose manifest has {@code nodeId}, or null. */
  private CompletableFuture<Path> projectWithNode(String nodeId) {
    return workspace
        .found()
        .thenCompose(
            v -> {
              List<Path> dirs = workspace.projectDirs().stream().sorted().toList();
              List<CompletableFuture<dev.dbtls.ide.Analysis>> each =
                  dirs.stream()
                      .map(dir -> workspace.analysis(dir).exceptionally(e -> null))
                      .toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(
                      x -> {
                        for (int i = 0; i < dirs.size(); i++) {
                          dev.dbtls.ide.Analysis a = each.get(i).join();
                          if (a != null
                              && a.snapshot() != null
                              && a.snapshot().manifest().nodes().containsKey(nodeId)) {
                            return dirs.get(i);
                          }
                        }
                        return null;
                      });
            });
  }

  @Override
  public CompletableFuture<dev.dbtls.protocol.ErdResult> erd(dev.dbtls.protocol.ErdParams p) {
    // without a document: the first project, once the workspace's projects are found
    return p != null && p.uri() != null
        ? erdOf(p)
        : workspace.found().thenCompose(found -> erdOf(p));
  }

  private CompletableFuture<dev.dbtls.protocol.ErdResult> erdOf(dev.dbtls.protocol.ErdParams p) {
    store.open(); // the keys of earlier sessions are in it
    Path file = p == null || p.uri() == null ? null : uris.path(p.uri());
    Path dir =
        file != null
            ? workspace.projectOf(file).orElse(null)
            : workspace.projectDirs().stream().sorted().findFirst().orElse(null);
    if (dir == null) {
      return CompletableFuture.completedFuture(
          new dev.dbtls.protocol.ErdResult("no dbt project", List.of(), List.of(), false));
    }
    int max =
        p == null || p.maxNodes() == null || p.maxNodes() <= 0 ? 200 : Math.min(p.maxNodes(), 5000);
    QueryCancel cancel = new QueryCancel();
    return cancelling(
        requests.after(
            ErdAnswer.withKeys(workspace.analysis(dir), foreignKeys, cancel),
            a ->
                a == null
                    ? new dev.dbtls.protocol.ErdResult(
                        "the dbt project is not loaded", List.of(), List.of(), false)
                    : ErdAnswer.of(
                        a.analysis().erd(p == null ? null : p.select(), max, a.keys()),
                        dir,
                        uris::uri)),
        cancel);
  }

  private static dev.dbtls.protocol.LineageResult notLoaded(Path dir, CompletableFuture<?> ready) {
    return LineageAnswer.empty(
        ready.isDone()
            ? "the dbt project in "
                + dir.getFileName()
                + " could not be loaded (see the server log)"
            : "the dbt project in "
                + dir.getFileName()
                + " is still loading: try again in a moment");
  }

  @Override
  public void previewClose(dev.dbtls.protocol.PreviewCloseParams params) {
    if (params != null && params.cursor() != null) {
      warehouses.closeCursor(params.cursor());
    }
  }

  @Override
  public CompletableFuture<CompileResult> compile(CompileParams params) {
    Path file = params == null || params.uri() == null ? null : uris.path(params.uri());
    Optional<Path> project = file == null ? Optional.empty() : workspace.projectOf(file);
    if (project.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    // the answer must include the edits made so far: wait for a pending rebuild. On a feature
    // thread (CPU work, not JDBC): on the unbounded warehouse pool every compile that waited for
    // one build started at once on a thread of its own, cancelled ones too
    return requests.afterBuild(
        workspace.upToDate(project.get()),
        s ->
            s == null
                ? null
                : dev.dbtls.ide.Analysis.of(s)
                    .compiledFile(file)
                    .map(c -> result(params.uri(), s.inputs().root().dir(), c))
                    .orElse(null));
  }

  private CompileResult result(String uri, Path root, CompiledNode c) {
    List<CompileProblem> problems =
        c.problems().stream().distinct().map(p -> problem(root, p)).toList();
    SourceMap map = c.sourceMap();
    List<SourceMapSegment> segments =
        map == null
            ? List.of()
            : map.segments().stream()
                .map(
                    s ->
                        new SourceMapSegment(
                            s.outputStart(),
                            s.outputEnd(),
                            s.templateStart(),
                            s.templateEnd(),
                            dev.dbtls.protocol.TemplatePieceKind.valueOf(s.kind().name())))
                .toList();
    return new CompileResult(uri, c.node().uniqueId(), c.sql(), c.failed(), problems, segments);
  }

  CompileProblem problem(Path root, Problem p) {
    Path file = root.resolve(p.file().isEmpty() ? DbtProject.FILE : p.file()).normalize();
    Range range =
        new Range(new Position(p.line(), p.column()), new Position(p.endLine(), p.endColumn()));
    return new CompileProblem(
        uris.uri(file),
        range,
        dev.dbtls.protocol.ProblemSeverity.valueOf(p.severity().name()),
        p.code().id(),
        p.message());
  }
}
