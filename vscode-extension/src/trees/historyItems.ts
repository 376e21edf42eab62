/**
 * The query history's rows, from `dbt/history` (docs/protocol.md): newest first, labelled by
 * the first line of SQL, described by time ago · duration · rows (or the error), with an icon
 * for ok / error / cancelled. Plain data (no `vscode`); src/trees/historyView.ts shows it.
 */
import type { HistoryEntry } from '../protocol.generated';
import { messageItem, oneLine, type ViewItem } from './viewItem';

export interface HistoryItem extends ViewItem {
  entry?: HistoryEntry;
}

export const OPEN_COMMAND = 'dbtls.history.open';
export const SEARCH_COMMAND = 'dbtls.history.search';
export const MORE_COMMAND = 'dbtls.history.more';

/** What `dbt/history` answered, or why it failed; `filter` is the search in force. */
export interface HistoryState {
  entries?: HistoryEntry[];
  error?: string;
  filter?: string;
  /** There may be more entries than those shown (a full page came back). */
  more?: boolean;
}

export function historyItems(s: HistoryState, now: Date = new Date()): HistoryItem[] {
  const items: HistoryItem[] = [];
  if (s.filter) {
    items.push({
      id: 'history/filter',
      label: `Matching “${s.filter}”`,
      description: 'click to change',
      tooltip: `Only queries whose SQL or error contains every word of “${s.filter}”. Search again with an empty text to see all.`,
      icon: 'filter',
      contextValue: 'filter',
      click: SEARCH_COMMAND,
    });
  }
  if (s.error !== undefined) return [...items, messageItem('history/error', s.error, { error: true })];
  const entries = s.entries ?? [];
  if (entries.length === 0) {
    return [
      ...items,
      messageItem(
        'history/empty',
        s.filter
          ? `No query matches “${s.filter}”.`
          : 'No queries run yet: preview a model or some SQL and it shows here.',
      ),
    ];
  }
  items.push(...entries.map((e) => historyItem(e, now)));
  if (s.more)
    items.push({
      id: 'history/more',
      label: 'Show more…',
      icon: 'ellipsis',
      contextValue: 'more',
      click: MORE_COMMAND,
    });
  return items;
}

export function historyItem(e: HistoryEntry, now: Date = new Date()): HistoryItem {
  return {
    id: `history/${e.id}`,
    label: historyLabel(e.sql),
    description: historyDescription(e, now),
    tooltip: historyTooltip(e),
    icon: e.status === 'ok' ? 'pass' : e.status === 'cancelled' ? 'circle-slash' : 'error',
    iconColor:
      e.status === 'ok'
        ? 'testing.iconPassed'
        : e.status === 'cancelled'
          ? 'disabledForeground'
          : 'errorForeground',
    contextValue: 'query',
    click: OPEN_COMMAND,
    entry: e,
  };
}

/**
 * The first line that says something: Jinja and SQL comments (`--`, `/* … *\/`, `{# … #}`),
 * `{{ config(…) }}`, `{% … %}` tags and blank lines skipped; the whole SQL collapsed to one line when it has no such line.
 */
export function historyLabel(sql: string | undefined, max = 80): string {
  const text = (sql ?? '')
    .replace(/\{#[\s\S]*?#\}/g, '')
    .replace(/\{\{-?\s*config\s*\([\s\S]*?\)\s*-?\}\}/g, '')
    .replace(/\{%[\s\S]*?%\}/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/--.*$/, '').trim())
    .find((l) => l.length > 0);
  if (!text) return oneLine(sql ?? '', max) || '(empty query)';
  const collapsed = text.replace(/\s+/g, ' ');
  return collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed;
}

/** `5 min ago · 120 ms · 42 rows`, or `… · error: <first line>`, or `… · cancelled`. */
export function historyDescription(e: HistoryEntry, now: Date = new Date()): string {
  const outcome =
    e.status === 'ok'
      ? rows(e.rowCount)
      : e.status === 'cancelled'
        ? 'cancelled'
        : `error${e.error ? `: ${oneLine(e.error, 60)}` : ''}`;
  return [timeAgo(e.startedAt, now), duration(e.durationMs), outcome].filter(Boolean).join(' · ');
}

function rows(n: number | undefined): string {
  if (n === undefined || n === null) return '';
  return `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
}

/** How long ago an ISO-8601 instant was: `just now`, `42 s ago`, `5 min ago`, `3 h ago`, `2 d ago`, else its date. */
export function timeAgo(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((now.getTime() - t) / 1000));
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.floor(h / 24);
  if (d < 7) return d === 1 ? 'yesterday' : `${d} d ago`;
  return new Date(t).toISOString().slice(0, 10);
}

/** `850 ms`, `1.2 s`, `2 min 5 s`. */
export function duration(ms: number | undefined): string {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

const MAX_TOOLTIP_SQL = 2000;

export function historyTooltip(e: HistoryEntry): string {
  const sql = e.sql ?? '';
  const lines = [
    sql.length > MAX_TOOLTIP_SQL ? `${sql.slice(0, MAX_TOOLTIP_SQL)}\n…` : sql,
    '',
    [
      e.status,
      e.startedAt ? new Date(e.startedAt).toLocaleString() : undefined,
      duration(e.durationMs),
      rows(e.rowCount),
    ]
      .filter(Boolean)
      .join(' · '),
    [e.target ? `target ${e.target}` : undefined, e.adapter, e.project].filter(Boolean).join(' · '),
  ];
  if (e.error) lines.push('', e.error);
  return lines.join('\n');
}

/** The language of a document opened on some SQL: dbt SQL when it has Jinja, else plain SQL. */
export function sqlLanguage(sql: string): 'jinja-sql' | 'sql' {
  return /\{\{|\{%|\{#/.test(sql) ? 'jinja-sql' : 'sql';
}
