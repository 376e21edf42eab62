// The profile of a result (dbt/profile): per column its nulls, distinct values, min, max and most frequent values.
import type { ColumnProfile, ProfileResult } from '../../src/protocol.generated';
import { elapsedText } from '../../src/results/elapsed';
import { count, el } from '../shared/dom';
import { cellText, rowsText } from './cells';

export class ProfilePane {
  readonly element = el('section', {
    class: 'pane profile',
    'data-testid': 'results-profile-pane',
    hidden: '',
  });
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly cancel: () => void) {}

  running(startedAt: number): void {
    this.stop();
    const elapsed = el('span', { class: 'elapsed' });
    const cancel = el('button', { class: 'secondary', 'data-testid': 'results-profile-cancel' }, 'Cancel');
    cancel.addEventListener('click', () => this.cancel());
    const tick = (): void => void (elapsed.textContent = elapsedText(Date.now() - startedAt));
    tick();
    this.timer = setInterval(tick, 100);
    this.element.replaceChildren(
      el(
        'div',
        { class: 'pane-head' },
        el('span', { class: 'spinner' }),
        'Profiling every row… ',
        elapsed,
        cancel,
      ),
    );
    this.element.hidden = false;
  }

  failed(message: string): void {
    this.stop();
    this.element.replaceChildren(
      el('div', { class: 'error-box', 'data-testid': 'results-profile-error' }, message),
    );
    this.element.hidden = false;
  }

  show(p: ProfileResult): void {
    this.stop();
    if (p.error) return this.failed(p.error.message ?? p.error.code ?? 'The profile failed.');
    const head = el(
      'tr',
      {},
      ...['column', 'type', 'nulls', 'distinct', 'min', 'max', 'most frequent'].map((h, i) =>
        el('th', { class: i >= 2 && i <= 3 ? 'num' : undefined }, h),
      ),
    );
    const body = (p.columns ?? []).map((c) => this.row(c, p.rows));
    this.element.replaceChildren(
      el(
        'div',
        { class: 'pane-head' },
        `Profile of ${rowsText(p.rows)}`,
        el('span', { class: 'muted' }, ` · ${elapsedText(p.millis)}`),
        p.inlined?.length
          ? el('span', { class: 'muted' }, ` · not built yet, inlined: ${p.inlined.join(', ')}`)
          : null,
      ),
      el('table', { class: 'plain' }, el('thead', {}, head), el('tbody', {}, ...body)),
    );
    this.element.hidden = false;
  }

  /** The result runs again: the old profile goes. */
  reset(): void {
    this.stop();
    this.element.replaceChildren();
    this.element.hidden = true;
  }

  toggle(): boolean {
    this.element.hidden = !this.element.hidden;
    return !this.element.hidden;
  }

  get empty(): boolean {
    return this.element.childElementCount === 0;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private row(c: ColumnProfile, rows: number): HTMLElement {
    const pct =
      rows > 0 ? ` (${((100 * c.nulls) / rows).toFixed(c.nulls === 0 || c.nulls === rows ? 0 : 1)}%)` : '';
    const value = (v: unknown): HTMLElement =>
      v === null || v === undefined ? el('span', { class: 'null' }, 'NULL') : el('span', {}, cellText(v));
    const top = (c.top ?? [])
      .slice(0, 5)
      .flatMap((t, i) => [
        i ? ', ' : null,
        value(t.value),
        el('span', { class: 'muted' }, ` ×${count(t.count)}`),
      ]);
    return el(
      'tr',
      {},
      el('td', { class: 'mono' }, c.name ?? ''),
      el('td', { class: 'muted' }, c.type ?? ''),
      el('td', { class: 'num' }, `${count(c.nulls)}${pct}`),
      el('td', { class: 'num' }, c.distinct < 0 ? '—' : count(c.distinct)),
      el('td', { class: 'mono' }, 'min' in c ? value(c.min) : ''),
      el('td', { class: 'mono' }, 'max' in c ? value(c.max) : ''),
      el('td', { class: 'mono top' }, ...top),
    );
  }
}
