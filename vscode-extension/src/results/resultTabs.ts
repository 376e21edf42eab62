// The tabs of the results panel and the life of each preview in them — plain TypeScript, so the
// rules (how many tabs stay, which cursor to close, when a run has ended, which answers are
// stale) are tested without VS Code. resultsPanel.ts does what these decisions say.
import type { PreviewPage, PreviewResult } from '../protocol.generated';
import { endedText } from './elapsed';
import type { RunState, TabHeader } from './messages';

/** Tabs kept: opening one more closes the oldest. */
export const MAX_TABS = 10;
/** Rows a preview may return at most; the rest is left to Export. */
export const PREVIEW_LIMIT = 100_000;
/** Rows per page, the first one included. */
export const PAGE_ROWS = 500;

/** What a tab runs: the document's model, or ad-hoc SQL compiled in that document's context. */
export interface PreviewSource {
  /** The document (its project and, without `sql`, its model). */
  uri: string;
  /** Ad-hoc SQL (Jinja allowed) instead of the document's model. */
  sql?: string;
  /** One CTE of the model instead. */
  cte?: string;
  /** The model's name; none for ad-hoc SQL without a title (then `Query N`). */
  title?: string;
  /** dbt's unique id of the node, when known. */
  uniqueId?: string;
}

export interface ResultTab {
  readonly id: number;
  readonly title: string;
  readonly source: PreviewSource;
  state: RunState;
  /** Counts the runs of this tab (Re-run): an answer for an older run is stale. */
  run: number;
  startedAt: number;
  endedAt?: number;
  /** The final duration: the server's `millis`, or the time waited for an error or a cancel. */
  millis?: number;
  /** The open server cursor while more rows can be fetched. */
  cursor?: string;
  hasMore: boolean;
  truncated: boolean;
  rows: number;
  /** A dbt/previewPage request is under way. */
  paging: boolean;
  message?: string;
}

/** The last segment of a unique id (`model.shop.orders` → `orders`), or a file's name without extension. */
export function modelName(uri: string, uniqueId?: string): string {
  if (uniqueId) {
    const parts = uniqueId.split('.');
    if (parts.length >= 3) return parts.slice(2).join('.');
  }
  const file = decodeURIComponent(
    uri
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? uri,
  );
  return file.replace(/\.(sql|py|csv)$/i, '') || file;
}

export class ResultTabs {
  private readonly tabs: ResultTab[] = [];
  private nextId = 1;
  private queries = 0;
  private selected?: number;

  constructor(readonly cap = MAX_TABS) {}

  /** Opens a running tab; `evicted` are the oldest tabs beyond the cap, closed by this. */
  open(source: PreviewSource, now: number): { tab: ResultTab; evicted: ResultTab[] } {
    const title =
      source.title?.trim() ||
      (source.sql !== undefined ? `Query ${++this.queries}` : modelName(source.uri, source.uniqueId));
    const tab: ResultTab = {
      id: this.nextId++,
      title,
      source,
      state: 'running',
      run: 1,
      startedAt: now,
      hasMore: false,
      truncated: false,
      rows: 0,
      paging: false,
    };
    this.tabs.push(tab);
    this.selected = tab.id;
    const evicted: ResultTab[] = [];
    while (this.tabs.length > this.cap) evicted.push(this.tabs.shift()!);
    return { tab, evicted };
  }

  /** Runs a tab again; `staleCursor` is the old result's open cursor, to close. */
  rerun(id: number, now: number): { tab: ResultTab; staleCursor?: string } | undefined {
    const tab = this.get(id);
    if (!tab) return undefined;
    const staleCursor = tab.cursor;
    Object.assign(tab, {
      state: 'running',
      run: tab.run + 1,
      startedAt: now,
      endedAt: undefined,
      millis: undefined,
      cursor: undefined,
      hasMore: false,
      truncated: false,
      rows: 0,
      paging: false,
      message: undefined,
    });
    this.selected = id;
    return { tab, staleCursor };
  }

  /**
   * The answer of a run. Undefined when it is stale (the tab was closed, cancelled or run again):
   * then the answer's cursor is the caller's to close.
   */
  finish(id: number, run: number, result: PreviewResult, now: number): ResultTab | undefined {
    const tab = this.current(id, run);
    if (!tab) return undefined;
    tab.endedAt = now;
    tab.state = result.error ? 'error' : 'done';
    tab.message = result.error?.message;
    tab.millis = result.error ? now - tab.startedAt : result.millis;
    tab.rows = result.rows?.length ?? 0;
    tab.hasMore = !!result.hasMore && !!result.cursor;
    tab.cursor = tab.hasMore ? result.cursor : undefined;
    tab.truncated = !!result.truncated;
    return tab;
  }

  /** The run ended without an answer (a failed request, or cancelled). Undefined when stale. */
  fail(
    id: number,
    run: number,
    state: 'error' | 'cancelled',
    message: string,
    now: number,
  ): ResultTab | undefined {
    const tab = this.current(id, run);
    if (!tab) return undefined;
    tab.state = state;
    tab.message = message;
    tab.endedAt = now;
    tab.millis = now - tab.startedAt;
    return tab;
  }

  /** Cancels a running tab at once (the server's answer to the cancel comes later and is stale). */
  cancel(id: number, now: number): ResultTab | undefined {
    const tab = this.get(id);
    if (!tab || tab.state !== 'running') return undefined;
    return this.fail(id, tab.run, 'cancelled', endedText('cancelled', now - tab.startedAt), now);
  }

  /** Starts fetching the next page: the cursor to ask, or undefined when there is nothing to fetch. */
  startPage(id: number): { cursor: string; run: number } | undefined {
    const tab = this.get(id);
    if (!tab || tab.state !== 'done' || !tab.hasMore || !tab.cursor || tab.paging) return undefined;
    tab.paging = true;
    return { cursor: tab.cursor, run: tab.run };
  }

  /** A page arrived. Undefined when stale (then its cursor is the caller's to close). */
  page(id: number, run: number, page: PreviewPage): ResultTab | undefined {
    const tab = this.get(id);
    if (!tab || tab.run !== run || !tab.paging) return undefined;
    tab.paging = false;
    if (page.error) {
      tab.hasMore = false;
      tab.cursor = undefined;
      return tab;
    }
    tab.rows += page.rows?.length ?? 0;
    tab.hasMore = !!page.hasMore && !!page.cursor;
    tab.cursor = tab.hasMore ? page.cursor : undefined;
    tab.truncated = tab.truncated || !!page.truncated;
    return tab;
  }

  /** Fetching a page failed: the rows stay, the cursor stays for another try. */
  pageFailed(id: number, run: number): ResultTab | undefined {
    const tab = this.get(id);
    if (!tab || tab.run !== run) return undefined;
    tab.paging = false;
    return tab;
  }

  /** Closes a tab; returns it (its cursor, if any, is the caller's to close). */
  close(id: number): ResultTab | undefined {
    const i = this.tabs.findIndex((t) => t.id === id);
    if (i < 0) return undefined;
    const [tab] = this.tabs.splice(i, 1);
    if (this.selected === id) this.selected = this.tabs[Math.min(i, this.tabs.length - 1)]?.id;
    return tab;
  }

  /** Closes every tab (the panel was closed); returns them. */
  closeAll(): ResultTab[] {
    this.selected = undefined;
    return this.tabs.splice(0);
  }

  select(id: number): void {
    if (this.get(id)) this.selected = id;
  }

  /** The tab the user looks at, else the newest. */
  active(): ResultTab | undefined {
    return (
      (this.selected !== undefined ? this.get(this.selected) : undefined) ?? this.tabs[this.tabs.length - 1]
    );
  }

  get(id: number): ResultTab | undefined {
    return this.tabs.find((t) => t.id === id);
  }

  all(): readonly ResultTab[] {
    return this.tabs;
  }

  header(tab: ResultTab): TabHeader {
    const s = tab.source;
    const firstLine = s.sql?.trim().split('\n')[0];
    const detail = s.sql !== undefined ? (firstLine ?? '') : (s.uniqueId ?? decodeURIComponent(s.uri));
    return {
      id: tab.id,
      title: tab.title,
      detail: s.cte ? `${detail} (CTE ${s.cte})` : detail,
      startedAt: tab.startedAt,
      canProfile: !s.cte,
    };
  }

  private current(id: number, run: number): ResultTab | undefined {
    const tab = this.get(id);
    return tab && tab.run === run && tab.state === 'running' ? tab : undefined;
  }
}
