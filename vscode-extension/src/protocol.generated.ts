// Generated from protocol-ext (dev.dbtls.protocol) by ClientTypesTest: do not edit.
// Regenerate: mvn -pl server -am test -Dtest=ClientTypesTest -Ddbtls.updateGenerated=true
// What each message and field means: docs/protocol.md.

export type BenchmarkState = 'running' | 'ok' | 'error' | 'cancelled' | 'stopped';

export type BenchmarkVerdict = 'faster' | 'slower' | 'no significant difference' | 'not enough runs';

export type ColumnEdgeKind = 'passed_through' | 'renamed' | 'computed' | 'aggregated' | 'filter_join';

export type Confidence = 'high' | 'medium' | 'low';

export type PlanFindingKind = 'seq-scan-selective-filter' | 'row-estimate-off' | 'spill-to-disk' | 'nested-loop-large' | 'join-without-condition' | 'data-movement' | 'no-pruning';

export type PlanSourceKind = 'ref' | 'source' | 'cte' | 'upstream';

export type ProblemSeverity = 'error' | 'warning' | 'info' | 'hint';

export type QueryStatus = 'ok' | 'error' | 'cancelled';

export type RecommendationStatus = 'pending' | 'benchmarked' | 'applied' | 'dismissed';

export type RelationKind = 'table' | 'view' | 'other';

export type RunStatus = 'running' | 'success' | 'pass' | 'warn' | 'fail' | 'error' | 'skipped';

export type ShareBasis = 'time' | 'cost' | 'none';

export type StepHeat = 'none' | 'warm' | 'high';

export type TemplatePieceKind = 'text' | 'expression' | 'statement' | 'comment' | 'raw';

export interface ApplyRecommendationParams {
  uri?: string;
  id: number;
  action?: string;
  confirm?: boolean;
}

export interface ApplyRecommendationResult {
  sql?: string;
  auditId?: number;
  recommendation?: Recommendation;
  error?: PreviewError;
}

export interface BenchmarkComparison {
  variant?: string;
  baseline?: string;
  ratio?: number;
  low?: number;
  high?: number;
  verdict: BenchmarkVerdict;
  summary?: string;
}

export interface BenchmarkParams {
  uri?: string;
  sql?: string;
  compare?: string;
  recommendationId?: number;
  warmups?: number;
  runs?: number;
  timeBudgetSeconds?: number;
  acceptScanBytes?: number;
  acceptCredits?: number;
}

export interface BenchmarkReport {
  storedId?: number;
  label?: string;
  nodeId?: string;
  target?: string;
  status: BenchmarkState;
  sandbox?: string;
  notes?: string[];
  variants?: BenchmarkVariant[];
  comparisons?: BenchmarkComparison[];
  millis: number;
  error?: PreviewError;
  scanBytes?: number;
  maxCredits?: number;
}

export interface BenchmarkStarted {
  id?: string;
  progressToken?: string;
  label?: string;
  variants?: string[];
  problems?: CompileProblem[];
  error?: PreviewError;
}

export interface BenchmarkStats {
  runs: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
  stddev: number;
}

export interface BenchmarkStatus {
  id?: string;
  state: BenchmarkState;
  done: number;
  total: number;
  message?: string;
  report?: BenchmarkReport;
}

export interface BenchmarkStatusParams {
  id?: string;
}

export interface BenchmarkVariant {
  label?: string;
  sql?: string;
  runsMs?: number[];
  rows: number;
  stats?: BenchmarkStats;
  warehouse?: Record<string, unknown>;
}

export interface BenchmarksParams {
  uri?: string;
  limit?: number;
}

export interface BenchmarksResult {
  benchmarks?: BenchmarkReport[];
  error?: string;
}

export interface CatalogColumn {
  name?: string;
  databaseType?: string;
  type?: string;
}

export interface CatalogNode {
  nodeId?: string;
  resourceType?: string;
  name?: string;
  database?: string;
  schema?: string;
  identifier?: string;
  uri?: string;
  range?: Range;
}

export interface CatalogParams {
  uri?: string;
}

export interface CatalogRelation {
  database?: string;
  schema?: string;
  name?: string;
  kind: RelationKind;
  columns?: CatalogColumn[];
  nodeId?: string;
  resourceType?: string;
  uri?: string;
  range?: Range;
}

export interface CatalogResult {
  target?: string;
  relations?: CatalogRelation[];
  notBuilt?: CatalogNode[];
  cut: boolean;
  millis: number;
  error?: PreviewError;
}

export interface ColumnLineageColumn {
  nodeId?: string;
  column?: string;
  resourceType?: string;
  nodeName?: string;
  type?: string;
  typeOrigin?: string;
  description?: string;
  uri?: string;
  range?: Range;
  depth: number;
  nodeColumnsComplete: boolean;
}

export interface ColumnLineageEdge {
  fromNode?: string;
  fromColumn?: string;
  toNode?: string;
  toColumn?: string;
  kind: ColumnEdgeKind;
}

export interface ColumnLineageParams {
  uri?: string;
  nodeId?: string;
  column?: string;
  upstreamDepth?: number;
  downstreamDepth?: number;
  includeFilters?: boolean;
  maxColumns?: number;
}

export interface ColumnLineageResult {
  nodeId?: string;
  column?: string;
  message?: string;
  columns?: ColumnLineageColumn[];
  edges?: ColumnLineageEdge[];
  notes?: string[];
  truncated: boolean;
}

export interface ColumnProfile {
  name?: string;
  type?: string;
  nulls: number;
  distinct: number;
  min?: unknown;
  max?: unknown;
  top?: TopValue[];
}

export interface ColumnsParams {
  uri?: string;
  nodeId?: string;
}

export interface ColumnsResult {
  nodeId?: string;
  nodeName?: string;
  message?: string;
  columns?: NodeColumn[];
  complete: boolean;
  gaps?: string[];
}

export interface CompileParams {
  uri?: string;
}

export interface CompileProblem {
  uri?: string;
  range?: Range;
  severity: ProblemSeverity;
  code?: string;
  message?: string;
}

export interface CompileResult {
  uri?: string;
  nodeId?: string;
  sql?: string;
  failed: boolean;
  problems?: CompileProblem[];
  sourceMap?: SourceMapSegment[];
}

export interface DeleteQueryParams {
  id: number;
}

export interface ErdColumn {
  name?: string;
  type?: string;
  description?: string;
}

export interface ErdEntity {
  nodeId?: string;
  name?: string;
  resourceType?: string;
  uri?: string;
  selected: boolean;
  columns?: ErdColumn[];
}

export interface ErdParams {
  uri?: string;
  select?: string[];
  maxNodes?: number;
}

export interface ErdRelationship {
  fromNode?: string;
  fromColumn?: string;
  toNode?: string;
  toColumn?: string;
  source?: string;
  sources?: string[];
  constraint?: string;
}

export interface ErdResult {
  message?: string;
  entities?: ErdEntity[];
  relationships?: ErdRelationship[];
  truncated: boolean;
}

export interface ExplainParams {
  uri?: string;
  sql?: string;
  cte?: string;
  analyze?: boolean;
}

export interface ExplainResult {
  uri?: string;
  nodeId?: string;
  compiledSql?: string;
  sql?: string;
  target?: string;
  plan?: PlanNode;
  raw?: string;
  analyzed: boolean;
  millis: number;
  inlined?: string[];
  tableRows?: Record<string, number>;
  findings?: PlanFinding[];
  problems?: CompileProblem[];
  error?: PreviewError;
  shareBasis: ShareBasis;
}

export interface ExportParams {
  uri?: string;
  sql?: string;
  cte?: string;
  path?: string;
  format?: string;
  limit?: number;
}

export interface ExportResult {
  path?: string;
  format?: string;
  rows: number;
  bytes: number;
  millis: number;
  error?: PreviewError;
}

export interface FailingRows {
  columns?: string[];
  rows?: unknown[][];
  more: boolean;
}

export interface HistoryEntry {
  id: number;
  project?: string;
  target?: string;
  adapter?: string;
  sql?: string;
  compiledSql?: string;
  startedAt?: string;
  durationMs: number;
  rowCount?: number;
  status: QueryStatus;
  error?: string;
}

export interface HistoryParams {
  query?: string;
  uri?: string;
  offset?: number;
  limit?: number;
}

export interface HistoryResult {
  entries?: HistoryEntry[];
  error?: string;
}

export interface IndexSuggestion {
  table?: string;
  columns?: string[];
  name?: string;
  createSql?: string;
  rollbackSql?: string;
}

export interface LastRun {
  status: RunStatus;
  at?: string;
  message?: string;
}

export interface LineageEdge {
  from?: string;
  to?: string;
}

export interface LineageNode {
  id?: string;
  resourceType?: string;
  name?: string;
  packageName?: string;
  materialization?: string;
  uri?: string;
  range?: Range;
  description?: string;
  depth: number;
  hiddenUpstream: number;
  hiddenDownstream: number;
  lastRun?: LastRun;
}

export interface LineageParams {
  uri?: string;
  nodeId?: string;
  upstreamDepth?: number;
  downstreamDepth?: number;
  includeTests?: boolean;
  maxNodes?: number;
}

export interface LineageResult {
  root?: string;
  message?: string;
  nodes?: LineageNode[];
  edges?: LineageEdge[];
  truncated: boolean;
}

export interface NodeColumn {
  name?: string;
  type?: string;
  origin?: string;
  typeOrigin?: string;
  description?: string;
}

export interface PlanFinding {
  kind: PlanFindingKind;
  planNodeId?: string;
  title?: string;
  evidence?: string[];
  confidence: Confidence;
  confidenceReason?: string;
  index?: IndexSuggestion;
  recommendationId?: number;
  status?: RecommendationStatus;
}

export interface PlanLocation {
  kind: PlanSourceKind;
  name?: string;
  nodeId?: string;
  uri?: string;
  range?: Range;
}

export interface PlanNode {
  id?: string;
  operator?: string;
  relation?: string;
  schema?: string;
  alias?: string;
  cte?: string;
  index?: string;
  condition?: string;
  filter?: string;
  joinType?: string;
  estimatedRows?: number;
  estimatedCost?: number;
  actualRows?: number;
  actualTimeMs?: number;
  loops?: number;
  selfTimeMs?: number;
  timeShare?: number;
  detail?: string;
  properties?: Record<string, string>;
  source?: PlanLocation;
  children?: PlanNode[];
  share?: number;
  heat: StepHeat;
  misestimate?: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface PreviewCloseParams {
  cursor?: string;
}

export interface PreviewColumn {
  name?: string;
  databaseType?: string;
  type?: string;
}

export interface PreviewError {
  code?: string;
  message?: string;
}

export interface PreviewPage {
  rows?: unknown[][];
  hasMore: boolean;
  truncated: boolean;
  cursor?: string;
  error?: PreviewError;
}

export interface PreviewPageParams {
  cursor?: string;
  pageRows?: number;
}

export interface PreviewParams {
  uri?: string;
  sql?: string;
  cte?: string;
  limit?: number;
  pageRows?: number;
  allowWrites?: boolean;
}

export interface PreviewResult {
  uri?: string;
  nodeId?: string;
  compiledSql?: string;
  columns?: PreviewColumn[];
  rows?: unknown[][];
  hasMore: boolean;
  truncated: boolean;
  cursor?: string;
  millis: number;
  inlined?: string[];
  problems?: CompileProblem[];
  error?: PreviewError;
  bytesScanned?: number;
}

export interface ProfileParams {
  uri?: string;
  sql?: string;
}

export interface ProfileResult {
  uri?: string;
  nodeId?: string;
  rows: number;
  columns?: ColumnProfile[];
  millis: number;
  inlined?: string[];
  error?: PreviewError;
}

export interface ProjectInfo {
  name?: string;
  uri?: string;
  profile?: string;
  target?: string;
  adapter?: string;
  targets?: string[];
  nodes: number;
}

export interface ProjectTest {
  uniqueId?: string;
  name?: string;
  resourceType?: string;
  attachedTo?: string;
  attachedName?: string;
  uri?: string;
  range?: Range;
  lastRun?: LastRun;
}

export interface ProjectsParams {
}

export interface ProjectsResult {
  projects?: ProjectInfo[];
}

export interface Range {
  start?: Position;
  end?: Position;
}

export interface Recommendation {
  id: number;
  nodeId?: string;
  target?: string;
  kind?: PlanFindingKind;
  title?: string;
  evidence?: string[];
  confidence?: Confidence;
  applySql?: string;
  rollbackSql?: string;
  status: RecommendationStatus;
  updatedAt: number;
}

export interface RecommendationStatusParams {
  uri?: string;
  id: number;
  status?: RecommendationStatus;
}

export interface RecommendationsParams {
  uri?: string;
}

export interface RecommendationsResult {
  recommendations?: Recommendation[];
  error?: string;
}

export interface RunNode {
  runId?: string;
  uniqueId?: string;
  name?: string;
  status: RunStatus;
  index: number;
  total: number;
  failures?: number;
  message?: string;
  seconds?: number;
  uri?: string;
  range?: Range;
  resourceType?: string;
  relation?: string;
  failingRows?: FailingRows;
  expected?: string;
  actual?: string;
  attachedTo?: string;
  attachedName?: string;
}

export interface RunParams {
  uri?: string;
  command?: string;
  select?: string[];
  exclude?: string[];
  threads?: number;
  failFast?: boolean;
  fullRefresh?: boolean;
  allowProtectedTarget?: boolean;
  runId?: string;
  empty?: boolean;
  storeFailures?: boolean;
  selector?: string;
}

export interface RunResult {
  runId?: string;
  command?: string;
  results?: RunNode[];
  pass: number;
  warn: number;
  errors: number;
  skip: number;
  seconds: number;
  runResults?: string;
  error?: PreviewError;
  executor?: string;
}

export interface RunSummary {
  runId?: string;
  command?: string;
  target?: string;
  startedAt?: string;
  seconds: number;
  pass: number;
  warn: number;
  errors: number;
  skip: number;
  error?: string;
  nodes?: RunNode[];
}

export interface RunsParams {
  uri?: string;
  runId?: string;
  limit?: number;
}

export interface RunsResult {
  runs?: RunSummary[];
  error?: PreviewError;
}

export interface SavedQueriesParams {
  query?: string;
  folder?: string;
  tag?: string;
}

export interface SavedQueriesResult {
  queries?: SavedQuery[];
  folders?: string[];
  error?: string;
}

export interface SavedQuery {
  id?: number;
  name?: string;
  description?: string;
  tags?: string[];
  folder?: string;
  sql?: string;
  project?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface SourceMapSegment {
  sqlStart: number;
  sqlEnd: number;
  templateStart: number;
  templateEnd: number;
  kind: TemplatePieceKind;
}

export interface TestsParams {
  uri?: string;
}

export interface TestsResult {
  tests?: ProjectTest[];
  error?: PreviewError;
}

export interface TopValue {
  value?: unknown;
  count: number;
}

/** Client → server requests: params and result of each `dbt/` method. */
export interface DbtRequests {
  'dbt/applyRecommendation': { params: ApplyRecommendationParams; result: ApplyRecommendationResult | null };
  'dbt/benchmark': { params: BenchmarkParams; result: BenchmarkStarted | null };
  'dbt/benchmarkCancel': { params: BenchmarkStatusParams; result: BenchmarkStatus | null };
  'dbt/benchmarkStatus': { params: BenchmarkStatusParams; result: BenchmarkStatus | null };
  'dbt/benchmarks': { params: BenchmarksParams; result: BenchmarksResult | null };
  'dbt/catalog': { params: CatalogParams; result: CatalogResult | null };
  'dbt/columnLineage': { params: ColumnLineageParams; result: ColumnLineageResult | null };
  'dbt/columns': { params: ColumnsParams; result: ColumnsResult | null };
  'dbt/compile': { params: CompileParams; result: CompileResult | null };
  'dbt/deleteQuery': { params: DeleteQueryParams; result: SavedQueriesResult | null };
  'dbt/erd': { params: ErdParams; result: ErdResult | null };
  'dbt/explain': { params: ExplainParams; result: ExplainResult | null };
  'dbt/export': { params: ExportParams; result: ExportResult | null };
  'dbt/history': { params: HistoryParams; result: HistoryResult | null };
  'dbt/lineage': { params: LineageParams; result: LineageResult | null };
  'dbt/preview': { params: PreviewParams; result: PreviewResult | null };
  'dbt/previewPage': { params: PreviewPageParams; result: PreviewPage | null };
  'dbt/profile': { params: ProfileParams; result: ProfileResult | null };
  'dbt/projects': { params: ProjectsParams; result: ProjectsResult | null };
  'dbt/recommendations': { params: RecommendationsParams; result: RecommendationsResult | null };
  'dbt/run': { params: RunParams; result: RunResult | null };
  'dbt/runs': { params: RunsParams; result: RunsResult | null };
  'dbt/saveQuery': { params: SavedQuery; result: SavedQueriesResult | null };
  'dbt/savedQueries': { params: SavedQueriesParams; result: SavedQueriesResult | null };
  'dbt/setRecommendationStatus': { params: RecommendationStatusParams; result: RecommendationsResult | null };
  'dbt/tests': { params: TestsParams; result: TestsResult | null };
}

/** Client → server notifications. */
export interface DbtNotifications {
  'dbt/previewClose': PreviewCloseParams;
}

/** Server → client notifications. */
export interface DbtServerNotifications {
  'dbt/benchmarkFinished': BenchmarkStatus;
  'dbt/runProgress': RunNode;
}
