/**
 * The Runs view's rows (view `dbtls.runs`): one row per dbt build / run / seed / test started from
 * the editor this session, and the newest runs of the run history below them, newest first — what ran, live while it runs ("3 of 10"), dbt's counts
 * and time once done, or why it did not run — and under it each node with its status, its kind,
 * the database's response or dbt's message, and its time. Plain data (no `vscode`);
 * src/runs/dbtRuns.ts shows it.
 */
import type { RunNode, RunResult, RunSummary } from '../protocol.generated';
import { messageItem, oneLine, type ViewItem } from '../trees/viewItem';

export const OPEN_NODE_COMMAND = 'dbtls.runs.openNode';

/** One run as the view knows it. */
export interface RunRecord {
  /** The client's own id, stable from the start (the server's runId comes with its first node). */
  key: string;
  command: string;
  /** What was selected, as the user would write it: `orders`, `orders+`, `the project`. */
  target: string;
  started: Date;
  /** Every node so far, by unique id, in the order they were first told. */
  nodes: Map<string, RunNode>;
  result?: RunResult;
  /** Why it did not run, or failed as a request. */
  error?: string;
  cancelled?: boolean;
  /** From the run history: a run of an earlier session (or of the command line). */
  earlier?: boolean;
}

/** A run of the history as the view shows it: what ran, on which target, when, and its nodes. */
export function earlierRun(r: RunSummary, nodes: Map<string, RunNode>): RunRecord {
  const command = r.command ?? 'run';
  return {
    key: r.runId ?? `${command}-${r.startedAt}`,
    command,
    target: r.target ? `on ${r.target}` : '',
    started: new Date(r.startedAt ?? 0),
    nodes,
    result: {
      runId: r.runId ?? '',
      command,
      results: [...nodes.values()],
      pass: r.pass,
      warn: r.warn,
      errors: r.errors,
      skip: r.skip,
      seconds: r.seconds,
    },
    error: r.error ?? undefined,
    earlier: true,
  };
}

export interface RunItem extends ViewItem {
  run?: RunRecord;
  node?: RunNode;
}

/** Rows for the runs, newest first; a hint when there is none. */
export function runItems(runs: RunRecord[]): RunItem[] {
  if (runs.length === 0) {
    return [
      messageItem(
        'runs/none',
        'No run yet: dbt: Build Model, Run Model or Build Project runs here',
      ) as RunItem,
    ];
  }
  return [...runs].reverse().map((r, i) => runItem(r, i === 0));
}

function runItem(r: RunRecord, newest: boolean): RunItem {
  const nodes = [...r.nodes.values()];
  const children: RunItem[] = nodes.map((n) => nodeItem(r, n));
  if (r.error && children.length === 0) {
    children.push(messageItem(`${r.key}/error`, r.error, { error: true }) as RunItem);
  }
  return {
    id: r.key,
    label: `dbt ${r.command} ${r.target}`,
    description: runDescription(r),
    tooltip: runTooltip(r),
    icon: runIcon(r),
    iconColor: runColor(r),
    contextValue: running(r) ? 'run-running' : 'run',
    children,
    expanded: newest,
    run: r,
  };
}

/** Whether the run has not answered yet. */
export function running(r: RunRecord): boolean {
  return r.result === undefined && r.error === undefined;
}

function runDescription(r: RunRecord): string {
  const when = r.earlier ? r.started.toLocaleString() : r.started.toLocaleTimeString();
  if (r.error) return `${when} · ${oneLine(r.error)}`;
  if (!r.result) {
    const nodes = [...r.nodes.values()];
    const done = nodes.filter((n) => n.status !== 'running').length;
    const total = nodes[0]?.total ?? 0;
    return `${when} · running${total ? ` ${done} of ${total}` : ''}${r.cancelled ? ' · cancelling' : ''}`;
  }
  const x = r.result;
  return `${when} · PASS=${x.pass} WARN=${x.warn} ERROR=${x.errors} SKIP=${x.skip} · ${seconds(x.seconds)}`;
}

function runTooltip(r: RunRecord): string {
  const lines = [`dbt ${r.command} ${r.target}`, `started ${r.started.toLocaleString()}`];
  if (r.error) lines.push(r.error);
  if (r.result) lines.push(done(r.result));
  if (r.result?.runResults) lines.push(`results: ${r.result.runResults}`);
  return lines.join('\n');
}

/** dbt's last line: "Done. PASS=2 WARN=0 ERROR=1 SKIP=0 TOTAL=3". */
export function done(r: RunResult): string {
  return `Done. PASS=${r.pass} WARN=${r.warn} ERROR=${r.errors} SKIP=${r.skip} TOTAL=${r.results?.length ?? 0}`;
}

function runIcon(r: RunRecord): string {
  if (running(r)) return 'sync~spin';
  if (r.error || (r.result?.errors ?? 0) > 0) return 'error';
  if ((r.result?.warn ?? 0) > 0) return 'warning';
  return 'pass';
}

function runColor(r: RunRecord): string | undefined {
  if (running(r)) return undefined;
  if (r.error || (r.result?.errors ?? 0) > 0) return 'testing.iconFailed';
  if ((r.result?.warn ?? 0) > 0) return 'testing.iconQueued';
  return 'testing.iconPassed';
}

function nodeItem(r: RunRecord, n: RunNode): RunItem {
  const kind = n.resourceType ?? (n.uniqueId?.split('.')[0] || 'node');
  const parts = [kind];
  if (n.status !== 'running') {
    const said =
      n.status === 'success' ? n.message : n.status === 'pass' ? undefined : (n.message ?? n.status);
    if (said) parts.push(oneLine(said));
    if (n.seconds !== undefined && n.seconds !== null && n.status !== 'skipped')
      parts.push(seconds(n.seconds));
  } else {
    parts.push('running');
  }
  return {
    id: `${r.key}/${n.uniqueId}`,
    label: n.name ?? n.uniqueId ?? '?',
    description: parts.join(' · '),
    tooltip: [n.uniqueId, n.relation, n.message].filter((x) => x).join('\n'),
    icon: NODE_ICONS[n.status] ?? 'circle-outline',
    iconColor: NODE_COLORS[n.status],
    contextValue: 'run-node',
    click: n.uri ? OPEN_NODE_COMMAND : undefined,
    node: n,
  };
}

const NODE_ICONS: Record<string, string> = {
  running: 'sync~spin',
  success: 'pass',
  pass: 'pass',
  warn: 'warning',
  fail: 'error',
  error: 'error',
  skipped: 'debug-step-over',
};

const NODE_COLORS: Record<string, string | undefined> = {
  success: 'testing.iconPassed',
  pass: 'testing.iconPassed',
  warn: 'testing.iconQueued',
  fail: 'testing.iconFailed',
  error: 'testing.iconFailed',
  skipped: 'testing.iconSkipped',
};

function seconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)}s` : `${s.toFixed(1)}s`;
}

/** A node's line in the run's log, as dbt prints it: "1 of 5 OK created model orders [CREATE TABLE in 0.05s]". */
export function logLine(n: RunNode): string {
  const at = `${n.index} of ${n.total}`;
  const kind = n.resourceType ?? 'node';
  if (n.status === 'running') return `${at} START ${kind} ${n.name} [RUN]`;
  const time = n.seconds !== undefined && n.seconds !== null ? ` in ${n.seconds.toFixed(2)}s` : '';
  switch (n.status) {
    case 'success':
      return `${at} OK ${kind} ${n.relation ?? n.name} [${n.message ?? 'OK'}${time}]`;
    case 'pass':
      return `${at} PASS ${n.name} [PASS${time}]`;
    case 'warn':
      return `${at} WARN ${n.failures ?? ''} ${n.name} [WARN${time}]: ${n.message ?? ''}`;
    case 'fail':
      return `${at} FAIL ${n.failures ?? ''} ${n.name} [FAIL${time}]: ${n.message ?? ''}`;
    case 'skipped':
      return `${at} SKIP ${kind} ${n.name}: ${n.message ?? ''}`;
    default:
      return `${at} ERROR ${kind} ${n.name} [ERROR${time}]: ${n.message ?? ''}`;
  }
}
