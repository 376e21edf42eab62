// The detail pane: the whole value of one cell, JSON pretty-printed, beside the grid.
import type { PreviewColumn } from '../../src/protocol.generated';
import { el } from '../shared/dom';
import { detailText } from './cells';

export class DetailPane {
  readonly element = el('aside', { class: 'detail', 'data-testid': 'results-detail', hidden: '' });
  private readonly heading = el('span', { class: 'detail-title' });
  private readonly kind = el('span', { class: 'muted detail-kind' });
  private readonly value = el('pre', {
    class: 'detail-value',
    'data-testid': 'results-detail-value',
    tabindex: '0',
  });
  private text = '';

  constructor(private readonly copy: (text: string) => void) {
    const copyButton = el('button', { class: 'secondary', title: 'Copy the whole value' }, 'Copy');
    copyButton.addEventListener('click', () => this.copy(this.text));
    const close = el(
      'button',
      {
        class: 'icon',
        title: 'Close the detail pane',
        'data-testid': 'results-detail-close',
        'aria-label': 'Close',
      },
      '×',
    );
    close.addEventListener('click', () => this.hide());
    this.element.append(
      el(
        'div',
        { class: 'detail-head' },
        this.heading,
        this.kind,
        el('span', { class: 'spacer' }),
        copyButton,
        close,
      ),
      this.value,
    );
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  show(column: PreviewColumn, value: unknown): void {
    const d = detailText(value, column.type);
    this.text = value === null || value === undefined ? '' : d.text;
    this.heading.textContent = column.name ?? '';
    this.kind.textContent = `${(column.databaseType || column.type || '').toLowerCase()}${d.json ? ' · JSON' : ''}`;
    this.value.textContent = d.text;
    this.value.classList.toggle('null', value === null || value === undefined);
    this.value.dataset.json = String(d.json);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
