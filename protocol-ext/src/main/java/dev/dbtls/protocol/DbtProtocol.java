package dev.dbtls.protocol;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * The {@code dbt/*} requests a client sends to the server, beyond standard LSP. Every method is
 * documented in docs/protocol.md with its direction, params, result and an example.
 */
@JsonSegment("dbt")
public interface DbtProtocol {
  /**
   * {@code dbt/compile}: the compiled SQL of the model (or other compilable node) defined in a
   * file, as the editor has it now (unsaved changes included). Null when the file belongs to no dbt
   * project or defines no compilable node.
   */
  @JsonRequest
  CompletableFuture<CompileResult> compile(CompileParams params);

  /**
   * {@code dbt/preview}: runs the compiled SQL of a document's model (or ad-hoc SQL) on the
   * project's target, read-only, and answers typed columns and the first page of rows. Cancel it
   * with {@code $/cancelRequest}: the query is cancelled in the database.
   */
  @JsonRequest
  CompletableFuture<PreviewResult> preview(PreviewParams params);

  /** {@code dbt/previewPage}: the next page of a preview, by its cursor. */
  @JsonRequest
  CompletableFuture<PreviewPage> previewPage(PreviewPageParams params);

  /** {@code dbt/previewClose}: the client no longer wants the rest of a preview. */
  @JsonNotification
  void previewClose(PreviewCloseParams params);

  /**
   * {@code dbt/profile}: each column of a model's (or ad-hoc SQL's) whole result, summarized by the
   * warehouse.
   */
  @JsonRequest
  CompletableFuture<ProfileResult> profile(ProfileParams params);

  /**
   * {@code dbt/catalog}: the warehouse's databases, schemas, tables, views and columns with types,
   * each with the project node that builds it, and the nodes not built. Cancellable.
   */
  @JsonRequest
  CompletableFuture<CatalogResult> catalog(CatalogParams params);

  /** {@code dbt/export}: a preview's whole result streamed to a file. Cancellable. */
  @JsonRequest
  CompletableFuture<ExportResult> export(ExportParams params);

  /** {@code dbt/savedQueries}: the saved queries, all or found. */
  @JsonRequest
  CompletableFuture<SavedQueriesResult> savedQueries(SavedQueriesParams params);

  /** {@code dbt/saveQuery}: creates a saved query ({@code id} null) or updates one. */
  @JsonRequest
  CompletableFuture<SavedQueriesResult> saveQuery(SavedQuery query);

  /** {@code dbt/deleteQuery}: deletes a saved query. */
  @JsonRequest
  CompletableFuture<SavedQueriesResult> deleteQuery(DeleteQueryParams params);

  /** {@code dbt/history}: the queries run so far (previews, ad-hoc), newest first, searchable. */
  @JsonRequest
  CompletableFuture<HistoryResult> history(HistoryParams params);

  /**
   * {@code dbt/explain}: the warehouse's plan of a document's model (or a CTE of it, or ad-hoc SQL)
   * as one tree, each step traced back to the model's source, with findings. Cancellable.
   */
  @JsonRequest
  CompletableFuture<ExplainResult> explain(ExplainParams params);

  /** {@code dbt/recommendations}: the project's stored recommendations. */
  @JsonRequest
  CompletableFuture<RecommendationsResult> recommendations(RecommendationsParams params);

  /**
   * {@code dbt/setRecommendationStatus}: dismisses a recommendation (or moves it to another
   * status).
   */
  @JsonRequest
  CompletableFuture<RecommendationsResult> setRecommendationStatus(
      RecommendationStatusParams params);

  /**
   * {@code dbt/applyRecommendation}: runs a recommendation's SQL (or its rollback) for real; only
   * with the setting {@code dbtls.recommendations.allowApply} and {@code confirm}; audited.
   */
  @JsonRequest
  CompletableFuture<ApplyRecommendationResult> applyRecommendation(
      ApplyRecommendationParams params);

  /**
   * {@code dbt/benchmark}: starts timing a model (or ad-hoc SQL), alone or against the saved file,
   * git HEAD or a recommendation in a sandbox; answers at once with the job's id.
   */
  @JsonRequest
  CompletableFuture<BenchmarkStarted> benchmark(BenchmarkParams params);

  /** {@code dbt/benchmarkStatus}: a benchmark job as it is now. */
  @JsonRequest
  CompletableFuture<BenchmarkStatus> benchmarkStatus(BenchmarkStatusParams params);

  /** {@code dbt/benchmarkCancel}: cancels a benchmark job; nothing stays in the warehouse. */
  @JsonRequest
  CompletableFuture<BenchmarkStatus> benchmarkCancel(BenchmarkStatusParams params);

  /**
   * {@code dbt/projects}: the workspace's dbt projects with their profile, target, the targets the
   * profile offers and the adapter — what an editor's status and target switch show.
   */
  @JsonRequest
  CompletableFuture<ProjectsResult> projects(ProjectsParams params);

  /** {@code dbt/benchmarks}: the stored benchmark history of a model (or the project). */
  @JsonRequest
  CompletableFuture<BenchmarksResult> benchmarks(BenchmarksParams params);

  /**
   * {@code dbt/lineage}: a node's parents and children a few generations up and down, with sources,
   * seeds, snapshots, exposures and (on request) tests; how many neighbours each node has that the
   * answer leaves out, so a client can expand it.
   */
  @JsonRequest
  CompletableFuture<LineageResult> lineage(LineageParams params);

  /**
   * {@code dbt/columnLineage}: the columns one column of a model derives from, down to sources and
   * seeds, and the columns that use it, each edge labelled (passed through, renamed, computed,
   * aggregated, filter/join).
   */
  @JsonRequest
  CompletableFuture<ColumnLineageResult> columnLineage(ColumnLineageParams params);

  /**
   * {@code dbt/columns}: the columns of one node (model, seed, snapshot, source) as completion and
   * hover see them, with where each name and type came from and why the list may be incomplete.
   */
  @JsonRequest
  CompletableFuture<ColumnsResult> columns(ColumnsParams params);

  /**
   * {@code dbt/erd}: the entity-relationship diagram of a selection of nodes: their columns and the
   * relationships that {@code relationships} tests and {@code foreign_key} constraints declare.
   */
  @JsonRequest
  CompletableFuture<ErdResult> erd(ErdParams params);

  /**
   * {@code dbt/run}: a dbt command on the project — {@code build}, {@code run}, {@code test},
   * {@code seed}, {@code snapshot} — its nodes reported as {@code dbt/runProgress} while it runs,
   * its results in {@code target/run_results.json} and in the answer. Cancel it with {@code
   * $/cancelRequest}: running queries are cancelled in the database and the rest skipped.
   */
  @JsonRequest
  CompletableFuture<RunResult> run(RunParams params);

  /**
   * {@code dbt/runs}: the project's dbt runs from the run history (every run of the editor and the
   * command line, across sessions), newest first; one of them with its nodes.
   */
  @JsonRequest
  CompletableFuture<RunsResult> runs(RunsParams params);

  /**
   * {@code dbt/tests}: the project's data tests and unit tests, for a Testing UI to list before any
   * run, each with its last run's end.
   */
  @JsonRequest
  CompletableFuture<TestsResult> tests(TestsParams params);
}
