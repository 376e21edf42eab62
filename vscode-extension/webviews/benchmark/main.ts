// The Benchmark view: the job's progress with Cancel while it runs, then each variant's runs in
// a chart, the statistics table, the verdict with its interval, the notes, the SQL that ran, the
// recommendation tried (with Apply… through the server's confirm flow) and the model's history.
// Every value goes into the DOM as text.
//
// Stable hooks for tests (data-testid):
//   benchmark-toolbar    the toolbar; benchmark-title the model's name; benchmark-rerun Run again
//   benchmark-status     one line: "Starting…", "Running", "Finished", "Cancelled…", "Failed"
//   benchmark-elapsed    the live timer while it runs (stops when the job ends or fails)
//   benchmark-label      what is compared, e.g. "model orders: buffer vs saved file"
//   benchmark-progress   the progress block while running (data-done, data-total attributes),
//                          inside: benchmark-progress-text "12 / 24 runs", benchmark-progress-bar,
//                          benchmark-progress-message (the server's message)
//   benchmark-cancel     Cancel (only while running; posts {type:'cancel'})
//   benchmark-error      why it failed (the server's text); benchmark-problem a compile problem
//   benchmark-cost       BigQuery: not run until the user accepts what it scans (the server's text)
//   benchmark-verdict    one per comparison (data-tone faster|slower|same|unknown), inside:
//                          benchmark-verdict-headline, benchmark-interval, benchmark-summary
//   benchmark-chart      the chart's host (an ECharts canvas inside)
//   benchmark-stats      the statistics table; benchmark-stats-row one per variant (data-variant)
//   benchmark-sandbox    where the recommendation's variant ran; benchmark-notes / benchmark-note
//   benchmark-sql        one <details> per variant with the SQL that ran
//   benchmark-recommendation the recommendation tried: benchmark-apply-sql, benchmark-copy,
//                          benchmark-apply (Apply…), benchmark-rollback (Roll back…),
//                          benchmark-apply-result (data-ok), benchmark-recommendation-status
//   benchmark-history    the model's stored benchmarks; benchmark-history-row (data-stored-id,
//                          data-current="true" for the one shown), benchmark-history-error
import '../shared/base.css';
import './benchmark.css';
import { el } from '../shared/dom';
import { listen, post } from '../shared/host';
import type { FromBenchmarkView, ToBenchmarkView } from '../../src/benchmark/messages';
import type {
  BenchmarkReport,
  BenchmarkStatus,
  CompileProblem,
  Recommendation,
} from '../../src/protocol.generated';
import {
  endedText,
  COST_UNCONFIRMED,
  historyLines,
  ms,
  progressFraction,
  progressText,
  STAT_COLUMNS,
  statsRow,
  verdictText,
} from '../../src/benchmark/benchmarkFormat';
import { RunsChart } from './runsChart';

const send = (m: FromBenchmarkView) => post<FromBenchmarkView>(m);
const testid = (id: string, extra: Record<string, string | undefined> = {}) => ({
  'data-testid': id,
  ...extra,
});

// ---- layout --------------------------------------------------------------------------------

const title = el('span', { class: 'bm-title', ...testid('benchmark-title') }, 'Benchmark');
const status = el('span', { class: 'bm-status', ...testid('benchmark-status') });
const elapsed = el('span', { class: 'bm-elapsed', ...testid('benchmark-elapsed') });
const rerun = el(
  'button',
  { class: 'secondary', ...testid('benchmark-rerun'), title: 'Benchmark the same comparison again' },
  'Run again',
);
const toolbar = el(
  'div',
  { class: 'toolbar', ...testid('benchmark-toolbar') },
  title,
  status,
  elapsed,
  el('span', { class: 'spacer' }),
  rerun,
);

const label = el('div', { class: 'bm-label muted', ...testid('benchmark-label') });
const progressText_ = el('span', { class: 'bm-progress-text', ...testid('benchmark-progress-text') });
const progressFill = el('div', { class: 'bm-progress-fill' });
const progressBar = el(
  'div',
  { class: 'bm-progress-bar', ...testid('benchmark-progress-bar') },
  progressFill,
);
const progressMessage = el('div', {
  class: 'bm-progress-message muted',
  ...testid('benchmark-progress-message'),
});
const cancelButton = el(
  'button',
  {
    class: 'secondary',
    ...testid('benchmark-cancel'),
    title: 'Cancel: the running statement is cancelled; the runs done are kept',
  },
  'Cancel',
);
const progress = el(
  'section',
  { class: 'bm-progress', ...testid('benchmark-progress') },
  el('div', { class: 'bm-progress-line' }, progressText_, cancelButton),
  progressBar,
  progressMessage,
);
const errorArea = el('div');
const verdicts = el('section', { class: 'bm-verdicts' });
const chartHost = el('div', { class: 'bm-chart', ...testid('benchmark-chart') });
const statsArea = el('section');
const notesArea = el('section');
const recommendationArea = el('section');
const historyArea = el('section');
const content = el(
  'div',
  { class: 'bm-content' },
  label,
  progress,
  errorArea,
  verdicts,
  chartHost,
  statsArea,
  notesArea,
  recommendationArea,
  historyArea,
);
document.body.append(toolbar, content);

const chart = new RunsChart(chartHost);

cancelButton.addEventListener('click', () => {
  send({ type: 'cancel' });
  cancelButton.disabled = true;
  status.textContent = 'Cancelling…';
});
rerun.addEventListener('click', () => send({ type: 'rerun' }));

// ---- state ---------------------------------------------------------------------------------

let timer: number | undefined;
let currentStoredId: number | undefined;
let history: { reports: BenchmarkReport[]; error?: string } = { reports: [] };
let recommendation: Recommendation | undefined;

function seconds(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 60_000) return `${(Math.floor(n / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(n / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

function startTimer(startedAt: number): void {
  stopTimer();
  const tick = () => (elapsed.textContent = seconds(Date.now() - startedAt));
  tick();
  timer = window.setInterval(tick, 200);
}

function stopTimer(): void {
  if (timer !== undefined) window.clearInterval(timer);
  timer = undefined;
}

function setState(state: 'starting' | 'running' | 'ended' | 'failed'): void {
  document.body.dataset.state = state;
  const running = state === 'starting' || state === 'running';
  progress.hidden = !running;
  cancelButton.hidden = state !== 'running';
  cancelButton.disabled = false;
  rerun.disabled = running;
}

function clearResult(): void {
  errorArea.replaceChildren();
  verdicts.replaceChildren();
  statsArea.replaceChildren();
  notesArea.replaceChildren();
  chart.clear();
  chartHost.hidden = true;
}

// ---- messages ------------------------------------------------------------------------------

listen<ToBenchmarkView>((m) => {
  switch (m.type) {
    case 'starting':
      starting(m.title, m.startedAt);
      break;
    case 'started':
      started(m.title, m.label, m.variants, m.startedAt);
      break;
    case 'progress':
      showProgress(m.status);
      break;
    case 'ended':
      ended(m.status, m.elapsedMs);
      break;
    case 'failed':
      failed(m.message, m.elapsedMs, m.problems);
      break;
    case 'history':
      history = { reports: m.reports, error: m.error };
      showHistory();
      break;
    case 'recommendation':
      recommendation = m.recommendation;
      showRecommendation();
      break;
    case 'applied':
      applied(m.ok, m.message, m.recommendation);
      break;
  }
});

function starting(name: string, startedAt: number): void {
  title.textContent = name;
  status.textContent = 'Starting…';
  label.textContent = '';
  currentStoredId = undefined;
  recommendation = undefined;
  recommendationArea.replaceChildren();
  clearResult();
  setState('starting');
  setProgress(0, 0, 'Compiling the variants…');
  startTimer(startedAt);
}

function started(name: string, what: string, variants: string[], startedAt: number): void {
  title.textContent = name;
  label.textContent = what || variants.join(' vs ');
  status.textContent = 'Running';
  setState('running');
  setProgress(0, 0, 'Waiting for the first run…');
  startTimer(startedAt);
}

function setProgress(done: number, total: number, message: string): void {
  progress.dataset.done = String(done);
  progress.dataset.total = String(total);
  progressText_.textContent = total > 0 ? progressText({ done, total }) : 'Preparing…';
  progressFill.style.width = `${Math.round(progressFraction({ done, total }) * 100)}%`;
  progressMessage.textContent = message;
}

function showProgress(s: BenchmarkStatus): void {
  if (document.body.dataset.state !== 'running') return;
  setProgress(s.done, s.total, s.message ?? '');
}

function ended(s: BenchmarkStatus, elapsedMs: number): void {
  stopTimer();
  setState('ended');
  const r = s.report;
  elapsed.textContent = seconds(r && r.millis > 0 ? r.millis : elapsedMs);
  status.textContent = endedText(s);
  clearResult();
  if (!r) {
    errorArea.replaceChildren(errorBox(s.message ?? 'The benchmark ended without a report.'));
    return;
  }
  if (r.label) label.textContent = r.label;
  currentStoredId = r.storedId;
  showReport(r, s);
  showHistory();
  showRecommendation();
}

function failed(message: string, elapsedMs: number, problems?: CompileProblem[]): void {
  stopTimer();
  setState('failed');
  elapsed.textContent = seconds(elapsedMs);
  status.textContent = 'Failed';
  clearResult();
  errorArea.replaceChildren(errorBox(message, problems));
}

function errorBox(message: string, problems?: CompileProblem[]): HTMLElement {
  const box = el('div', { class: 'error-box', ...testid('benchmark-error') }, message);
  for (const p of problems ?? []) {
    const where = p.range?.start ? ` (line ${p.range.start.line + 1})` : '';
    box.append(
      el(
        'div',
        { class: 'bm-problem', ...testid('benchmark-problem') },
        `${p.severity ?? 'error'}: ${p.message ?? p.code ?? ''}${where}`,
      ),
    );
  }
  return box;
}

// ---- the report ----------------------------------------------------------------------------

function showReport(r: BenchmarkReport, s: BenchmarkStatus): void {
  const variants = r.variants ?? [];
  if (r.error?.code === COST_UNCONFIRMED) {
    errorArea.replaceChildren(
      el(
        'div',
        { class: 'warning-box', ...testid('benchmark-cost') },
        `${r.error.message ?? ''} — Run again to be asked once more.`,
      ),
    );
  } else if (r.error) {
    errorArea.replaceChildren(
      errorBox(`${r.error.message ?? 'The benchmark failed.'}${r.error.code ? ` (${r.error.code})` : ''}`),
    );
  } else if (s.state === 'cancelled' || s.state === 'stopped') {
    errorArea.replaceChildren(
      el(
        'div',
        { class: 'warning-box', ...testid('benchmark-partial') },
        s.state === 'cancelled'
          ? 'Cancelled: the figures are of the runs done before.'
          : 'The time budget ran out: the figures are of the runs done.',
      ),
    );
  }

  for (const c of r.comparisons ?? []) {
    const v = verdictText(c);
    verdicts.append(
      el(
        'div',
        { class: `bm-verdict tone-${v.tone}`, ...testid('benchmark-verdict', { 'data-tone': v.tone }) },
        el('div', { class: 'bm-verdict-headline', ...testid('benchmark-verdict-headline') }, v.headline),
        v.interval ? el('div', { class: 'bm-interval', ...testid('benchmark-interval') }, v.interval) : null,
        c.summary
          ? el('div', { class: 'bm-summary muted', ...testid('benchmark-summary') }, `Server: ${c.summary}`)
          : null,
      ),
    );
  }
  if ((r.comparisons ?? []).length === 0 && variants.length === 1 && variants[0].stats) {
    const st = variants[0].stats;
    verdicts.append(
      el(
        'div',
        { class: 'bm-verdict tone-unknown', ...testid('benchmark-verdict', { 'data-tone': 'unknown' }) },
        el(
          'div',
          { class: 'bm-verdict-headline', ...testid('benchmark-verdict-headline') },
          `'${variants[0].label ?? 'query'}': median ${ms(st.median)} over ${st.runs} run${st.runs === 1 ? '' : 's'} (nothing compared)`,
        ),
      ),
    );
  }

  if (variants.some((v) => (v.runsMs ?? []).length > 0)) {
    chartHost.hidden = false;
    chart.show(variants);
  }

  if (variants.length) {
    const head = el(
      'tr',
      {},
      el('th', {}, 'Variant'),
      ...STAT_COLUMNS.map((c) => el('th', { class: 'num' }, c.label)),
      el('th', { class: 'num' }, 'Rows'),
    );
    const rows = variants.map((v) =>
      el(
        'tr',
        testid('benchmark-stats-row', { 'data-variant': v.label }),
        ...statsRow(v).map((t, i) => el('td', { class: i === 0 ? 'bm-variant' : 'num' }, t)),
        el('td', { class: 'num' }, v.rows.toLocaleString('en-US')),
      ),
    );
    statsArea.replaceChildren(
      el('h3', {}, 'Statistics (measured runs, warm-ups excluded)'),
      el(
        'table',
        { class: 'plain bm-stats', ...testid('benchmark-stats') },
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
      ...warehouseFigures(r),
      ...variants.map((v) =>
        el(
          'details',
          { class: 'bm-sql', ...testid('benchmark-sql') },
          el('summary', {}, `SQL of '${v.label ?? ''}'`),
          el('pre', {}, v.sql ?? ''),
        ),
      ),
    );
  }

  const notes = r.notes ?? [];
  const parts: HTMLElement[] = [];
  if (r.sandbox) parts.push(el('div', { class: 'bm-sandbox', ...testid('benchmark-sandbox') }, r.sandbox));
  if (notes.length) {
    parts.push(
      el(
        'ul',
        { class: 'bm-notes', ...testid('benchmark-notes') },
        ...notes.map((n) => el('li', testid('benchmark-note'), n)),
      ),
    );
  }
  if (parts.length) notesArea.replaceChildren(el('h3', {}, 'Notes'), ...parts);
}

/** Figures the warehouse reported per variant (e.g. PostgreSQL buffers), when there are any. */
function warehouseFigures(r: BenchmarkReport): HTMLElement[] {
  const variants = (r.variants ?? []).filter((v) => v.warehouse && Object.keys(v.warehouse).length);
  if (!variants.length) return [];
  const keys = [...new Set(variants.flatMap((v) => Object.keys(v.warehouse ?? {})))];
  const text = (x: unknown) =>
    x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);
  return [
    el(
      'table',
      { class: 'plain bm-warehouse', ...testid('benchmark-warehouse') },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, 'Warehouse figures'),
          ...variants.map((v) => el('th', { class: 'num' }, v.label ?? '')),
        ),
      ),
      el(
        'tbody',
        {},
        ...keys.map((k) =>
          el(
            'tr',
            {},
            el('td', {}, k),
            ...variants.map((v) => el('td', { class: 'num' }, text(v.warehouse?.[k]))),
          ),
        ),
      ),
    ),
  ];
}

// ---- recommendation ------------------------------------------------------------------------

let applyResult: HTMLElement | undefined;

function showRecommendation(): void {
  const r = recommendation;
  if (!r) {
    recommendationArea.replaceChildren();
    return;
  }
  const running = document.body.dataset.state === 'running' || document.body.dataset.state === 'starting';
  const apply = el(
    'button',
    { ...testid('benchmark-apply'), title: 'Run this on the warehouse for real (asks first)' },
    'Apply…',
  );
  apply.disabled = running || !r.applySql || r.status === 'applied';
  apply.addEventListener('click', () => {
    apply.disabled = true;
    send({ type: 'apply', action: 'apply' });
  });
  const rollback = el(
    'button',
    { class: 'secondary', ...testid('benchmark-rollback'), title: 'Undo it on the warehouse (asks first)' },
    'Roll back…',
  );
  rollback.hidden = r.status !== 'applied' || !r.rollbackSql;
  rollback.addEventListener('click', () => {
    rollback.disabled = true;
    send({ type: 'apply', action: 'rollback' });
  });
  const copy = el('button', { class: 'secondary small', ...testid('benchmark-copy') }, 'Copy');
  copy.addEventListener('click', () => {
    send({ type: 'copy', text: r.applySql ?? '', what: 'the SQL' });
    copy.textContent = 'Copied';
  });
  applyResult = applyResult ?? el('div', testid('benchmark-apply-result'));
  recommendationArea.replaceChildren(
    el('h3', {}, `Recommendation ${r.id}`),
    el(
      'div',
      { class: 'bm-recommendation', ...testid('benchmark-recommendation') },
      el('div', { class: 'bm-rec-title' }, r.title ?? ''),
      el(
        'div',
        { class: 'muted', ...testid('benchmark-recommendation-status') },
        [
          `status ${r.status ?? ''}`,
          r.target ? `target ${r.target}` : '',
          r.confidence ? `confidence ${r.confidence}` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      (r.evidence ?? []).length ? el('ul', {}, ...(r.evidence ?? []).map((e) => el('li', {}, e))) : null,
      r.applySql
        ? el('div', { class: 'bm-sql-head' }, el('span', { class: 'muted' }, 'Applying runs'), copy)
        : null,
      r.applySql
        ? el('pre', testid('benchmark-apply-sql'), r.applySql)
        : el('div', { class: 'muted' }, 'Advice only: nothing to apply.'),
      el(
        'div',
        { class: 'bm-actions' },
        apply,
        rollback,
        el(
          'span',
          { class: 'muted' },
          'The server asks for confirmation, refuses unless dbtls.recommendations.allowApply is on, and audits each run.',
        ),
      ),
      applyResult,
    ),
  );
}

function applied(ok: boolean, message: string, rec?: Recommendation): void {
  if (rec) recommendation = rec;
  applyResult = el(
    'div',
    {
      class: ok ? 'bm-apply-ok' : 'warning-box',
      ...testid('benchmark-apply-result', { 'data-ok': String(ok) }),
    },
    message,
  );
  showRecommendation();
}

// ---- history -------------------------------------------------------------------------------

function showHistory(): void {
  const parts: HTMLElement[] = [el('h3', {}, 'History of this model')];
  if (history.error)
    parts.push(el('div', { class: 'warning-box', ...testid('benchmark-history-error') }, history.error));
  const lines = historyLines(history.reports);
  if (!lines.length && !history.error) parts.push(el('div', { class: 'muted' }, 'No benchmark stored yet.'));
  if (lines.length) {
    const head = el(
      'tr',
      {},
      ...['#', 'Compared', 'Target', 'Status', 'Medians', 'Verdict', 'Took'].map((h, i) =>
        el('th', { class: i === 6 ? 'num' : '' }, h),
      ),
    );
    const rows = lines.map((l) =>
      el(
        'tr',
        testid('benchmark-history-row', {
          'data-stored-id': l.storedId === undefined ? undefined : String(l.storedId),
          'data-current': l.storedId !== undefined && l.storedId === currentStoredId ? 'true' : undefined,
        }),
        el('td', {}, l.storedId === undefined ? '' : String(l.storedId)),
        el('td', {}, l.label),
        el('td', {}, l.target),
        el('td', {}, l.status),
        el('td', {}, l.medians),
        el('td', { class: `tone-${l.tone}` }, l.verdict),
        el('td', { class: 'num' }, l.took),
      ),
    );
    parts.push(
      el(
        'table',
        { class: 'plain bm-history', ...testid('benchmark-history') },
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
    );
  }
  historyArea.replaceChildren(...parts);
}
