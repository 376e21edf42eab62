// One tab of the results view: its label in the tab strip and its page — toolbar (status,
// elapsed timer, Cancel, Re-run, Compiled SQL, Profile, Export), the grid with the detail pane,
// the error with its compile problems, and the footer saying how many rows are loaded.
import type { CompileProblem, PreviewPage, PreviewResult, ProfileResult } from '../../src/protocol.generated';
import { elapsedText, endedText, finalMillis } from '../../src/results/elapsed';
import type { FromView, RunState, TabHeader } from '../../src/results/messages';
import { el } from '../shared/dom';
import { bytesText, rowsText } from './cells';
import { DetailPane } from './detailPane';
import { ResultGrid } from './grid';
import { ProfilePane } from './profilePane';

type Send = (m: FromView) => void;

/** The headline of an error box, by the server's error code (docs/protocol.md, PreviewError). */
const HEADLINES: Record<string, string> = {
  'compile-failed': 'Compiling failed',
  'preview-nothing': 'Nothing to preview',
  'warehouse-connect': 'Could not connect to the warehouse',
  'warehouse-target': 'The target cannot be used',
  'warehouse-timeout': 'The query timed out',
  'warehouse-cancelled': 'The query was cancelled',
  'warehouse-not-a-query': 'Not run: not a read-only query',
  'warehouse-cursor': 'The result expired',
};

export class TabView {
  readonly label: HTMLElement;
  readonly page: HTMLElement;
  private state: RunState = 'running';
  private startedAt: number;
  private timer?: ReturnType<typeof setInterval>;
  private grid?: ResultGrid;
  private hasMore = false;
  private truncated = false;
  private loading = false;
  private compiledSql = '';

  private readonly labelState = el('span', { class: 'tab-state' });
  private readonly status = el('span', { class: 'status', 'data-testid': 'results-status' });
  private readonly elapsed = el('span', { class: 'elapsed', 'data-testid': 'results-elapsed' });
  private readonly cancelButton = el(
    'button',
    { 'data-testid': 'results-cancel', title: 'Cancel the query in the database' },
    'Cancel',
  );
  private readonly rerunButton = el(
    'button',
    { class: 'secondary', 'data-testid': 'results-rerun', title: 'Run the query again' },
    'Re-run',
  );
  private readonly sqlButton = el(
    'button',
    {
      class: 'secondary toggle',
      'data-testid': 'results-compiled-toggle',
      title: 'Show the compiled SQL that ran',
    },
    'Compiled SQL',
  );
  private readonly profileButton = el(
    'button',
    {
      class: 'secondary',
      'data-testid': 'results-profile',
      title:
        'Nulls, distinct values, min, max and most frequent values of every column, over the whole result',
    },
    'Profile',
  );
  private readonly exportButton = el(
    'button',
    {
      class: 'secondary',
      'data-testid': 'results-export',
      title: 'Export every row of the result (not only those loaded) to CSV, JSON, Parquet or Excel',
    },
    'Export…',
  );
  private readonly notes = el('div', { class: 'notes' });
  private readonly body = el('div', { class: 'body' });
  private readonly gridArea = el('div', { class: 'grid-area' });
  private readonly sqlPane = el('section', { class: 'pane compiled', hidden: '' });
  private readonly footer = el('div', { class: 'footer', 'data-testid': 'results-footer' });
  private readonly detail: DetailPane;
  private readonly profile: ProfilePane;

  constructor(
    readonly header: TabHeader,
    private readonly send: Send,
    private readonly onClose: () => void,
    onSelect: () => void,
  ) {
    this.startedAt = header.startedAt;
    const close = el(
      'button',
      {
        class: 'tab-close',
        title: 'Close (cancels a running query)',
        'data-testid': 'results-tab-close',
        'aria-label': 'Close',
      },
      '×',
    );
    close.addEventListener('click', (e) => {
      e.stopPropagation();
      this.onClose();
    });
    this.label = el(
      'div',
      {
        class: 'tab',
        role: 'tab',
        tabindex: '0',
        title: header.detail,
        'data-testid': 'results-tab',
        'data-tab-id': String(header.id),
      },
      el('span', { class: 'tab-title' }, header.title),
      el('span', { class: 'tab-time muted' }, clock(header.startedAt)),
      this.labelState,
      close,
    );
    this.label.addEventListener('click', onSelect);
    this.label.addEventListener('auxclick', (e) => {
      if (e.button === 1) this.onClose();
    });
    this.label.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') onSelect();
    });

    this.detail = new DetailPane((text) => this.send({ type: 'copy', text, what: 'the value' }));
    this.profile = new ProfilePane(() => this.send({ type: 'cancelProfile', id: this.id }));
    this.cancelButton.addEventListener('click', () => {
      this.cancelButton.disabled = true;
      this.status.textContent = 'Cancelling…';
      this.send({ type: 'cancel', id: this.id });
    });
    this.rerunButton.addEventListener('click', () => this.send({ type: 'rerun', id: this.id }));
    this.sqlButton.addEventListener('click', () => this.toggleSql());
    this.profileButton.addEventListener('click', () => {
      if (!this.profile.empty && this.profile.toggle()) return;
      if (this.profile.empty) this.send({ type: 'profile', id: this.id });
    });
    this.exportButton.addEventListener('click', () => this.send({ type: 'export', id: this.id }));
    this.profileButton.hidden = !header.canProfile;

    const toolbar = el(
      'div',
      { class: 'toolbar' },
      this.status,
      this.elapsed,
      this.cancelButton,
      el('span', { class: 'spacer' }),
      this.rerunButton,
      this.sqlButton,
      this.profileButton,
      this.exportButton,
    );
    this.page = el(
      'div',
      { class: 'tab-page', 'data-testid': 'results-page', 'data-tab-id': String(header.id), hidden: '' },
      toolbar,
      this.notes,
      this.sqlPane,
      this.profile.element,
      this.body,
      this.footer,
    );
    this.startRunning(header.startedAt);
  }

  get id(): number {
    return this.header.id;
  }

  /** Shows or hides this tab; the grid measures itself again once visible. */
  setSelected(selected: boolean): void {
    this.label.classList.toggle('selected', selected);
    this.label.setAttribute('aria-selected', String(selected));
    this.page.hidden = !selected;
    if (selected) requestAnimationFrame(() => this.grid?.redraw());
  }

  /** A (new) run started: the timer counts from `startedAt`, the old rows go. */
  startRunning(startedAt: number): void {
    this.setState('running');
    this.startedAt = startedAt;
    this.clearResult();
    this.profile.reset();
    this.status.textContent = 'Running…';
    this.body.replaceChildren(
      el(
        'div',
        { class: 'running', 'data-testid': 'results-running' },
        el('div', { class: 'progress' }),
        el('span', { class: 'muted' }, `Running ${this.header.title}… the first rows show here.`),
      ),
    );
    this.footer.replaceChildren();
    const tick = (): void => void (this.elapsed.textContent = elapsedText(Date.now() - this.startedAt));
    tick();
    this.stopTimer();
    this.timer = setInterval(tick, 100);
  }

  result(r: PreviewResult, elapsedMs: number): void {
    this.compiledSql = r.compiledSql ?? '';
    this.renderSql();
    this.showNotes(r);
    if (r.error) {
      this.ended(
        'error',
        r.error.message ?? r.error.code ?? 'The preview failed.',
        elapsedMs,
        r.problems ?? [],
        r.error.code,
      );
      return;
    }
    const ms = finalMillis(r.millis, elapsedMs);
    this.stopTimer();
    this.setState('done');
    this.elapsed.textContent = elapsedText(ms);
    this.labelState.textContent = elapsedText(ms);
    this.hasMore = r.hasMore && !!r.cursor;
    this.truncated = r.truncated;
    this.body.replaceChildren(this.gridArea, this.detail.element);
    this.grid?.destroy();
    this.gridArea.replaceChildren();
    this.grid = new ResultGrid(this.gridArea, r.columns ?? [], r.rows ?? [], {
      sorted: () => this.updateStatus(),
      nearEnd: () => this.loadMore(),
      cellFocused: (c, v) => {
        if (this.detail.open) this.detail.show(c, v);
      },
      openDetail: (c, v) => this.detail.show(c, v),
      copy: (text, what) => this.send({ type: 'copy', text, what }),
    });
    this.updateStatus();
  }

  /** The run ended without rows: an error or a cancel. */
  failed(state: 'error' | 'cancelled', message: string, elapsedMs: number): void {
    this.ended(state, message, elapsedMs, []);
  }

  addPage(p: PreviewPage): void {
    this.loading = false;
    if (p.error) {
      this.hasMore = false;
      this.updateStatus(
        p.error.code === 'warehouse-cursor'
          ? `${p.error.message ?? 'The result expired.'} Re-run to read further.`
          : (p.error.message ?? 'Fetching more rows failed.'),
      );
      return;
    }
    this.hasMore = p.hasMore && !!p.cursor;
    this.truncated = this.truncated || p.truncated;
    this.grid?.append(p.rows ?? []);
    this.updateStatus();
  }

  pageFailed(message: string): void {
    this.loading = false;
    this.updateStatus(`Fetching more rows failed: ${message}`);
  }

  profileRunning(startedAt: number): void {
    this.profile.running(startedAt);
  }

  profileDone(p: ProfileResult): void {
    this.profile.show(p);
  }

  profileFailed(message: string): void {
    this.profile.failed(message);
  }

  dispose(): void {
    this.stopTimer();
    this.profile.stop();
    this.grid?.destroy();
    this.label.remove();
    this.page.remove();
  }

  private ended(
    state: 'error' | 'cancelled',
    message: string,
    elapsedMs: number,
    problems: CompileProblem[],
    code?: string,
  ): void {
    this.stopTimer();
    this.setState(state);
    this.clearResult();
    const text = endedText(state, elapsedMs);
    this.status.textContent = text;
    this.elapsed.textContent = elapsedText(elapsedMs);
    this.labelState.textContent = state === 'cancelled' ? 'cancelled' : 'failed';
    if (state === 'cancelled') {
      this.body.replaceChildren(
        el(
          'div',
          { class: 'warning-box', 'data-testid': 'results-cancelled' },
          `${text}. The query was cancelled in the database. `,
          this.rerunLink(),
        ),
      );
      return;
    }
    const errors = problems.filter((p) => p.severity === 'error');
    replace(
      this.body,
      el(
        'div',
        { class: 'error-box', 'data-testid': 'results-error', 'data-code': code ?? '' },
        el('strong', {}, HEADLINES[code ?? ''] ?? 'The query failed'),
        el('br'),
        message,
      ),
      errors.length ? this.problemList(errors) : null,
    );
    if (this.compiledSql && code !== 'compile-failed') this.showSql(true);
  }

  private problemList(problems: CompileProblem[]): HTMLElement {
    return el(
      'ul',
      { class: 'problems', 'data-testid': 'results-problems' },
      ...problems.map((p) => {
        const line = (p.range?.start?.line ?? 0) + 1;
        const col = (p.range?.start?.character ?? 0) + 1;
        const file = decodeURIComponent((p.uri ?? '').split('/').pop() ?? '');
        const where = el('a', { title: p.uri ?? '' }, `${file}:${line}:${col}`);
        where.addEventListener(
          'click',
          () => p.uri && this.send({ type: 'openProblem', uri: p.uri, line: line - 1, character: col - 1 }),
        );
        return el(
          'li',
          {},
          where,
          ' ',
          p.message ?? '',
          p.code ? el('span', { class: 'muted' }, ` (${p.code})`) : null,
        );
      }),
    );
  }

  private showNotes(r: PreviewResult): void {
    const warnings = (r.problems ?? []).filter((p) => p.severity === 'warning');
    replace(
      this.notes,
      r.inlined?.length
        ? el(
            'div',
            { class: 'note muted', 'data-testid': 'results-inlined' },
            `Not built in the warehouse yet, compiled in front of the query: ${r.inlined.join(', ')}`,
          )
        : null,
      !r.error && r.bytesScanned !== undefined && r.bytesScanned !== null
        ? el(
            'div',
            { class: 'note muted', 'data-testid': 'results-scanned' },
            `Scanned ${bytesText(r.bytesScanned)}, as the warehouse's dry run said before it ran`,
          )
        : null,
      !r.error && warnings.length ? this.problemList(warnings) : null,
    );
  }

  private loadMore(): void {
    if (!this.hasMore || this.loading || this.state !== 'done') return;
    this.loading = true;
    this.updateStatus();
    this.send({ type: 'loadMore', id: this.id });
  }

  private updateStatus(problem?: string): void {
    const n = this.grid?.rowCount ?? 0;
    this.status.textContent = rowsText(n);
    const more = this.loading ? 'loading more…' : this.hasMore ? 'more available' : 'all rows';
    const sorted = this.grid?.sorted && this.hasMore ? ' · sorted among the rows loaded' : '';
    const loadMore = el(
      'button',
      { class: 'secondary small', 'data-testid': 'results-load-more' },
      'Load more',
    );
    loadMore.addEventListener('click', () => this.loadMore());
    replace(
      this.footer,
      el('span', { 'data-testid': 'results-row-count' }, `${rowsText(n)} loaded · ${more}${sorted}`),
      this.hasMore && !this.loading ? loadMore : null,
      this.truncated && !this.hasMore
        ? el(
            'span',
            { class: 'truncated', 'data-testid': 'results-truncated' },
            'The preview stops here (row limit); Export writes every row.',
          )
        : null,
      problem ? el('span', { class: 'footer-error', 'data-testid': 'results-page-error' }, problem) : null,
      el('span', { class: 'spacer' }),
      el(
        'span',
        { class: 'muted' },
        'Double-click a cell for its whole value · Ctrl/Cmd+C copies the selection',
      ),
    );
  }

  private clearResult(): void {
    this.grid?.destroy();
    this.grid = undefined;
    this.detail.hide();
    this.hasMore = false;
    this.truncated = false;
    this.loading = false;
  }

  private setState(state: RunState): void {
    this.state = state;
    this.body.classList.toggle('message', state === 'error' || state === 'cancelled');
    this.label.dataset.state = state;
    this.page.dataset.state = state;
    this.cancelButton.hidden = state !== 'running';
    this.cancelButton.disabled = false;
    this.rerunButton.disabled = state === 'running';
    this.exportButton.disabled = state === 'running';
    this.profileButton.disabled = state === 'running';
    this.labelState.textContent = '';
    this.labelState.classList.toggle('spinner', state === 'running');
    if (state === 'running') this.showSql(false);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private rerunLink(): HTMLElement {
    const a = el('a', {}, 'Run it again');
    a.addEventListener('click', () => this.send({ type: 'rerun', id: this.id }));
    return a;
  }

  private toggleSql(): void {
    this.showSql(this.sqlPane.hidden);
  }

  private showSql(show: boolean): void {
    this.sqlPane.hidden = !show;
    this.sqlButton.classList.toggle('on', show);
    this.sqlButton.setAttribute('aria-pressed', String(show));
  }

  private renderSql(): void {
    const open = el('a', { title: 'Open the compiled SQL in an editor' }, 'Open in editor');
    open.addEventListener('click', () => this.send({ type: 'openSql', id: this.id }));
    replace(
      this.sqlPane,
      el(
        'div',
        { class: 'pane-head' },
        'Compiled SQL',
        el('span', { class: 'spacer' }),
        this.compiledSql ? open : null,
      ),
      el(
        'pre',
        { class: 'sql', 'data-testid': 'results-compiled-sql' },
        this.compiledSql || '(nothing compiled)',
      ),
    );
  }
}

function clock(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** replaceChildren, leaving out the parts not shown (null). */
function replace(parent: HTMLElement, ...children: Array<Node | string | null | undefined>): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined));
}
