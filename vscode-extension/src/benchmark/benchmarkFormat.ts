// How a benchmark reads to people: times, the verdict with its interval, the statistics table,
// progress and the history. Plain functions (no `vscode`, no DOM), shared by panel and view.
import type {
  BenchmarkComparison,
  BenchmarkReport,
  BenchmarkStats,
  BenchmarkStatus,
  BenchmarkVariant,
} from '../protocol.generated';

/** Milliseconds with the digits that matter: 0.42 ms, 8.31 ms, 42.7 ms, 380 ms, 2.41 s. */
export function ms(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '–';
  const a = Math.abs(n);
  if (a >= 10_000) return `${(n / 1000).toFixed(1)} s`;
  if (a >= 1000) return `${(n / 1000).toFixed(2)} s`;
  if (a >= 100) return `${Math.round(n)} ms`;
  if (a >= 10) return `${n.toFixed(1)} ms`;
  return `${n.toFixed(2)} ms`;
}

/** A speed factor: 38.2×, 1.07×. */
export function factor(x: number): string {
  if (!Number.isFinite(x)) return '∞×';
  return x >= 100 ? `${Math.round(x)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

export type VerdictTone = 'faster' | 'slower' | 'same' | 'unknown';

export interface VerdictText {
  tone: VerdictTone;
  /** e.g. "'with recommendation 7' is 38.2× faster than 'without'". */
  headline: string;
  /** e.g. "95 % interval: 31.0× to 45.9× faster (median ratio 0.026)". */
  interval: string;
}

const valid = (x: number | undefined): x is number =>
  x !== undefined && x !== null && Number.isFinite(x) && x > 0;

/** The verdict of one comparison in words; the interval turned into speed factors when it can. */
export function verdictText(c: BenchmarkComparison): VerdictText {
  const variant = c.variant ?? 'variant';
  const baseline = c.baseline ?? 'baseline';
  const { ratio, low, high } = c;
  const ratioText = (r: number | undefined) => (r === undefined || !Number.isFinite(r) ? '–' : r.toFixed(3));
  const bounds = `median ratio ${ratioText(ratio)}, 95 % interval ${ratioText(low)} to ${ratioText(high)}`;
  switch (c.verdict) {
    case 'faster':
      if (valid(ratio) && valid(low) && valid(high)) {
        return {
          tone: 'faster',
          headline: `'${variant}' is ${factor(1 / ratio)} faster than '${baseline}'`,
          interval: `95 % interval: ${factor(1 / high)} to ${factor(1 / low)} faster (${bounds})`,
        };
      }
      break;
    case 'slower':
      if (valid(ratio) && valid(low) && valid(high)) {
        return {
          tone: 'slower',
          headline: `'${variant}' is ${factor(ratio)} slower than '${baseline}'`,
          interval: `95 % interval: ${factor(low)} to ${factor(high)} slower (${bounds})`,
        };
      }
      break;
    case 'no significant difference':
      return {
        tone: 'same',
        headline: `No significant difference between '${variant}' and '${baseline}'`,
        interval: `95 % interval of the ratio includes 1 (${bounds})`,
      };
    default:
      break;
  }
  return {
    tone: 'unknown',
    headline: c.summary || `No verdict for '${variant}' against '${baseline}'`,
    interval: valid(ratio) ? bounds : '',
  };
}

export const STAT_COLUMNS: Array<{ key: keyof BenchmarkStats; label: string }> = [
  { key: 'runs', label: 'Runs' },
  { key: 'min', label: 'Min' },
  { key: 'median', label: 'Median' },
  { key: 'p95', label: 'p95' },
  { key: 'max', label: 'Max' },
  { key: 'mean', label: 'Mean' },
  { key: 'stddev', label: 'Std dev' },
];

/** One row of the statistics table: the variant, then each column as text. */
export function statsRow(v: BenchmarkVariant): string[] {
  const s = v.stats;
  return [
    v.label ?? '',
    ...STAT_COLUMNS.map(({ key }) => {
      if (!s) return '–';
      return key === 'runs' ? String(s.runs) : ms(s[key]);
    }),
  ];
}

/** Linear-interpolated quantile of sorted numbers. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** A box plot's five numbers of runs: min, lower quartile, median, upper quartile, max. */
export function boxOf(runs: number[]): [number, number, number, number, number] | undefined {
  const s = runs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  return [s[0], quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75), s[s.length - 1]];
}

/** Runs done of planned as a fraction 0..1 (0 when nothing is planned yet). */
export function progressFraction(status: Pick<BenchmarkStatus, 'done' | 'total'>): number {
  if (!status.total || status.total <= 0) return 0;
  return Math.max(0, Math.min(1, status.done / status.total));
}

/** "12 / 24 runs" (warm-ups included). */
export function progressText(status: Pick<BenchmarkStatus, 'done' | 'total'>): string {
  return `${status.done} / ${status.total} runs`;
}

/** The code of a benchmark the server did not run until the user accepts what it scans. */
export const COST_UNCONFIRMED = 'benchmark-cost-unconfirmed';

/** How a job ended, for the status line. */
export function endedText(status: BenchmarkStatus): string {
  switch (status.state) {
    case 'ok':
      return 'Finished';
    case 'stopped':
      return 'Stopped: the time budget ran out (the runs done are reported)';
    case 'cancelled':
      return 'Cancelled (the runs done are kept)';
    case 'error':
      return status.report?.error?.code === COST_UNCONFIRMED
        ? 'Not run: the warehouse bills for it, and you have not accepted the cost yet'
        : 'Failed';
    default:
      return status.state ?? 'Ended';
  }
}

/** One line of the model's benchmark history. */
export interface HistoryLine {
  storedId?: number;
  label: string;
  status: string;
  target: string;
  medians: string;
  verdict: string;
  tone: VerdictTone;
  took: string;
}

export function historyLines(reports: BenchmarkReport[]): HistoryLine[] {
  return reports.map((r) => {
    const c = r.comparisons?.[0];
    const v = c ? verdictText(c) : undefined;
    return {
      storedId: r.storedId,
      label: r.label ?? '',
      status: r.status ?? '',
      target: r.target ?? '',
      medians: (r.variants ?? []).map((x) => `${x.label}: ${ms(x.stats?.median)}`).join(' · '),
      verdict: v ? v.headline : (r.error?.message ?? ((r.variants?.length ?? 0) === 1 ? 'one variant' : '')),
      tone: v ? v.tone : 'unknown',
      took: ms(r.millis),
    };
  });
}
