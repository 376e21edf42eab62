// The messages between the benchmark panel (benchmarkPanel.ts) and its view (webviews/benchmark).
// Plain data only: the view puts every value into the DOM as text.
import type { BenchmarkReport, BenchmarkStatus, CompileProblem, Recommendation } from '../protocol.generated';

export type ToBenchmarkView =
  /** dbt/benchmark was asked; the job has not answered yet. */
  | { type: 'starting'; title: string; startedAt: number }
  /** The job runs: what is compared, the variants (baseline first). */
  | { type: 'started'; title: string; label: string; variants: string[]; startedAt: number }
  /** The job as dbt/benchmarkStatus answered while it runs. */
  | { type: 'progress'; status: BenchmarkStatus }
  /** The job ended (ok, stopped, cancelled or error), with its report. */
  | { type: 'ended'; status: BenchmarkStatus; elapsedMs: number }
  /** No job: it could not start, the server failed or forgot it. */
  | { type: 'failed'; message: string; problems?: CompileProblem[]; elapsedMs: number }
  /** The model's stored benchmarks (dbt/benchmarks), newest first. */
  | { type: 'history'; reports: BenchmarkReport[]; error?: string }
  /** The recommendation benchmarked against: what applying it would run. */
  | { type: 'recommendation'; recommendation: Recommendation }
  /** How an apply (or rollback) ended: refused, not confirmed, failed or done. */
  | { type: 'applied'; ok: boolean; message: string; recommendation?: Recommendation };

export type FromBenchmarkView =
  | { type: 'cancel' }
  /** Benchmark the same comparison again. */
  | { type: 'rerun' }
  /** Apply (or roll back) the recommendation: the panel goes through the server's confirm flow. */
  | { type: 'apply'; action: 'apply' | 'rollback' }
  | { type: 'copy'; text: string; what: string };
