package dev.dbtls.intellij.client;

import dev.dbtls.protocol.BenchmarkParams;
import dev.dbtls.protocol.BenchmarkReport;
import dev.dbtls.protocol.CatalogParams;
import dev.dbtls.protocol.CatalogResult;
import dev.dbtls.protocol.ColumnLineageParams;
import dev.dbtls.protocol.ColumnLineageResult;
import dev.dbtls.protocol.CompileParams;
import dev.dbtls.protocol.CompileResult;
import dev.dbtls.protocol.ErdParams;
import dev.dbtls.protocol.ErdResult;
import dev.dbtls.protocol.ExplainParams;
import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.ExportParams;
import dev.dbtls.protocol.ExportResult;
import dev.dbtls.protocol.HistoryParams;
import dev.dbtls.protocol.HistoryResult;
import dev.dbtls.protocol.LineageParams;
import dev.dbtls.protocol.LineageResult;
import dev.dbtls.protocol.PreviewCloseParams;
import dev.dbtls.protocol.PreviewPage;
import dev.dbtls.protocol.PreviewPageParams;
import dev.dbtls.protocol.PreviewParams;
import dev.dbtls.protocol.PreviewResult;
import dev.dbtls.protocol.RunNode;
import dev.dbtls.protocol.RunParams;
import dev.dbtls.protocol.RunResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code dbt/*} requests the tool window sends, typed and with the defaults the views expect
 * (docs/protocol.md has each request). A future cancelled here sends {@code $/cancelRequest}: the
 * server cancels the query in the database.
 */
public final class DbtCalls {
  /** Rows per page of the results grid ("Load more" asks for as many again). */
  public static final int PAGE_ROWS = 200;

  private final DbtLanguageServerApi server;
  private final BenchmarkNotifications notifications;
  private final RunNotifications runs;

  /**
   * On {@code server} (under LSP4IJ: the language server item's server, cast to the interface),
   * with the {@code dbt/benchmarkFinished} notifications its client receives.
   */
  public DbtCalls(DbtLanguageServerApi server, BenchmarkNotifications notifications) {
    this(server, notifications, new RunNotifications());
  }

  /** With the {@code dbt/runProgress} notifications its client receives, for live runs. */
  public DbtCalls(
      DbtLanguageServerApi server, BenchmarkNotifications notifications, RunNotifications runs) {
    this.server = server;
    this.notifications = notifications;
    this.runs = runs;
  }

  /**
   * {@code dbt/run}: a dbt command ({@code build}, {@code run}, {@code test}, ...) on the project
   * of {@code uri} for {@code select} (null: the document's nodes), named {@code runId}; each
   * node's start and end goes to {@code progress} as the server tells it. {@code
   * allowProtectedTarget} is the user's yes to writing to a protected target.
   */
  public CompletableFuture<RunResult> run(
      String uri,
      String command,
      List<String> select,
      boolean allowProtectedTarget,
      String runId,
      java.util.function.Consumer<RunNode> progress) {
    runs.listen(runId, progress);
    return server
        .run(
            new RunParams(
                uri, command, select, null, null, null, null, allowProtectedTarget, runId))
        .whenComplete((r, e) -> runs.stopListening(runId));
  }

  /** {@code dbt/compile}: the document's model as compiled SQL. */
  public CompletableFuture<CompileResult> compile(String uri) {
    return server.compile(new CompileParams(uri));
  }

  /**
   * {@code dbt/preview} of the document's model (or of {@code sql} when not null): the first {@code
   * pageRows} rows of at most {@code limit} (null: the server's default of 500).
   */
  public CompletableFuture<PreviewResult> preview(
      String uri, String sql, Integer limit, int pageRows) {
    return server.preview(new PreviewParams(uri, sql, null, limit, pageRows, null));
  }

  /** {@code dbt/previewPage}: the grid's "load more", {@code pageRows} more. */
  public CompletableFuture<PreviewPage> nextPage(String cursor, int pageRows) {
    return server.previewPage(new PreviewPageParams(cursor, pageRows));
  }

  /** {@code dbt/previewClose}: the grid was closed before all its rows were read. */
  public void closePreview(String cursor) {
    if (cursor != null) {
      server.previewClose(new PreviewCloseParams(cursor));
    }
  }

  /** {@code dbt/explain}; {@code analyze} runs the query for actual rows and times. */
  public CompletableFuture<ExplainResult> explain(String uri, String sql, boolean analyze) {
    return server.explain(new ExplainParams(uri, sql, null, analyze));
  }

  /**
   * {@code dbt/benchmark}: starts the job; {@code compare} null, "saved", "head" or
   * "recommendation"; nulls take the settings' warm-ups and runs. {@code accepted}: null at first;
   * the report of a benchmark that ended with {@code benchmark-cost-unconfirmed} once the user
   * agreed to what it said it would scan or spend.
   */
  public CompletableFuture<BenchmarkJob> benchmark(
      String uri, String compare, Integer warmups, Integer runs, BenchmarkReport accepted) {
    return start(uri, null, compare, warmups, runs, accepted);
  }

  /**
   * {@code dbt/benchmark} of ad-hoc {@code sql} (Jinja allowed) in the document's project, alone.
   */
  public CompletableFuture<BenchmarkJob> benchmarkSql(
      String uri, String sql, Integer warmups, Integer runs, BenchmarkReport accepted) {
    return start(uri, sql, null, warmups, runs, accepted);
  }

  private CompletableFuture<BenchmarkJob> start(
      String uri,
      String sql,
      String compare,
      Integer warmups,
      Integer runs,
      BenchmarkReport accepted) {
    return server
        .benchmark(
            new BenchmarkParams(
                uri,
                sql,
                compare,
                null,
                warmups,
                runs,
                null,
                accepted == null ? null : accepted.scanBytes(),
                accepted == null ? null : accepted.maxCredits()))
        .thenApply(started -> new BenchmarkJob(server, notifications, started));
  }

  /** {@code dbt/lineage} of the document's node, {@code up} and {@code down} generations. */
  public CompletableFuture<LineageResult> lineage(String uri, int up, int down) {
    return server.lineage(new LineageParams(uri, null, up, down, false, null));
  }

  /** {@code dbt/lineage} around another node: what the graph's "+N" expands. */
  public CompletableFuture<LineageResult> lineageOf(
      String anyUri, String nodeId, int up, int down) {
    return server.lineage(new LineageParams(anyUri, nodeId, up, down, false, null));
  }

  /**
   * {@code dbt/columnLineage} of {@code column} of the document's node (or of {@code nodeId} when
   * not null): every generation up and down, with the columns that only filter or join.
   */
  public CompletableFuture<ColumnLineageResult> columnLineage(
      String uri, String nodeId, String column) {
    return server.columnLineage(
        new ColumnLineageParams(uri, nodeId, column, null, null, null, null));
  }

  /**
   * {@code dbt/erd} of the document's project: the nodes {@code select} picks (dbt's selection
   * syntax; null or empty: every model), their columns and relationships.
   */
  public CompletableFuture<ErdResult> erd(String uri, List<String> select) {
    return server.erd(new ErdParams(uri, select, null));
  }

  /** {@code dbt/catalog}: the warehouse of the document's project, for the Database explorer. */
  public CompletableFuture<CatalogResult> catalog(String uri) {
    return server.catalog(new CatalogParams(uri));
  }

  /** {@code dbt/history}: entries newest first; {@code query} words to find (null: all). */
  public CompletableFuture<HistoryResult> history(String query, String uri, int limit) {
    return server.history(new HistoryParams(query, uri, 0, limit));
  }

  /**
   * The newest runs of the document's project from the run history ({@code dbt/runs}), each with
   * its nodes (one more {@code dbt/runs} per run, by its id).
   */
  public CompletableFuture<java.util.List<dev.dbtls.protocol.RunSummary>> earlierRuns(
      String uri, int limit) {
    return server
        .runs(new dev.dbtls.protocol.RunsParams(uri, null, limit))
        .thenCompose(
            list -> {
              java.util.List<CompletableFuture<dev.dbtls.protocol.RunSummary>> each =
                  (list == null || list.runs() == null
                          ? java.util.List.<dev.dbtls.protocol.RunSummary>of()
                          : list.runs())
                      .stream()
                          .map(
                              r ->
                                  server
                                      .runs(new dev.dbtls.protocol.RunsParams(uri, r.runId(), null))
                                      .thenApply(
                                          one ->
                                              one == null
                                                      || one.runs() == null
                                                      || one.runs().isEmpty()
                                                  ? r
                                                  : one.runs().get(0)))
                          .toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(x -> each.stream().map(CompletableFuture::join).toList());
            });
  }

  /** {@code dbt/export}: the document's model's whole result to {@code path} on this machine. */
  public CompletableFuture<ExportResult> export(
      String uri, String sql, String path, String format) {
    return server.export(new ExportParams(uri, sql, null, path, format, null));
  }
}
