// The rows of one result: a Tabulator grid rendering only the visible rows (virtual DOM), typed
// column headers, sort, resizable columns, cell/row/column range selection copied as TSV, NULL
// shown apart, and a call for more rows when scrolled to the bottom. Every value goes into the
// grid as a text node.
import {
  CellComponent,
  ColumnDefinition,
  FormatModule,
  FrozenColumnsModule,
  InteractionModule,
  KeybindingsModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SelectRangeModule,
  SortModule,
  Tabulator,
} from 'tabulator-tables';
import type { PreviewColumn } from '../../src/protocol.generated';
import { el } from '../shared/dom';
import { cellText, compareValues, isLong, isNumeric, rowsText, toTsv } from './cells';

Tabulator.registerModule([
  FormatModule,
  FrozenColumnsModule,
  InteractionModule,
  KeybindingsModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SelectRangeModule,
  SortModule,
]);

/** Cells show at most this much of a value; the detail pane shows all of it. */
const CELL_CHARS = 300;
/** Scrolled this close (px) to the bottom asks for the next page. */
const NEAR_END = 200;

type RowData = Record<string, unknown> & { __i: number };

export interface GridEvents {
  /** The user sorted by a column. */
  sorted(): void;
  /** Scrolled near the last loaded row. */
  nearEnd(): void;
  /** A cell was clicked (or moved to): the detail pane follows it when open. */
  cellFocused(column: PreviewColumn, value: unknown): void;
  /** A cell was double-clicked, or Enter pressed on it. */
  openDetail(column: PreviewColumn, value: unknown): void;
  /** Ctrl/Cmd+C: the selection as TSV. */
  copy(text: string, what: string): void;
}

const field = (i: number): string => `c${i}`;

export class ResultGrid {
  private readonly table: Tabulator;
  private readonly holder: HTMLElement;
  private loaded = 0;
  private built = false;
  private pending: RowData[] = [];

  constructor(
    host: HTMLElement,
    private readonly columns: PreviewColumn[],
    rows: unknown[][],
    private readonly events: GridEvents,
  ) {
    this.holder = el('div', { class: 'grid', 'data-testid': 'results-grid' });
    host.append(this.holder);
    this.table = new Tabulator(this.holder, {
      data: this.toData(rows),
      index: '__i',
      height: '100%',
      layout: 'fitDataStretch',
      renderVertical: 'virtual',
      renderHorizontal: columns.length > 40 ? 'virtual' : 'basic',
      placeholder: el('div', { class: 'muted' }, 'No rows'),
      selectableRange: 1,
      selectableRangeColumns: true,
      selectableRangeRows: true,
      // the header selects its column (to copy it); its arrow sorts
      headerSortClickElement: 'icon',
      rowHeader: {
        field: '__i',
        title: '#',
        headerSort: false,
        resizable: false,
        frozen: true,
        hozAlign: 'right',
        width: 56,
        cssClass: 'row-number',
        formatter: (cell: CellComponent) => el('span', {}, String((cell.getValue() as number) + 1)),
      } as never, // the typings allow only named formatters here; Tabulator takes functions too
      // maxInitialWidth is Tabulator's (5.1+), missing from its typings
      columnDefaults: {
        resizable: true,
        headerSort: true,
        maxInitialWidth: 360,
        minWidth: 48,
      } as Partial<ColumnDefinition>,
      columns: columns.map((c, i) => this.column(c, i)),
    });
    this.table.on('tableBuilt', () => {
      this.built = true;
      if (this.pending.length) void this.table.addData(this.pending.splice(0));
      this.checkNearEnd();
    });
    this.table.on('cellClick', (_e, cell) => this.focused(cell));
    this.table.on('dataSorted', () => this.events.sorted());
    this.table.on('cellDblClick', (_e, cell) => {
      const c = this.columnOf(cell);
      if (c) this.events.openDetail(c, cell.getValue());
    });
    this.holder.addEventListener('scroll', () => this.checkNearEnd(), { capture: true, passive: true });
    this.holder.addEventListener('keydown', (e) => this.key(e));
    this.holder.addEventListener('copy', (e) => {
      const sel = this.selection();
      if (!sel || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', sel.text);
      e.preventDefault();
    });
  }

  /** Appends the next page's rows after those loaded. */
  append(rows: unknown[][]): void {
    const data = this.toData(rows);
    if (!this.built) {
      this.pending.push(...data);
      return;
    }
    void this.table.addData(data).then(() => {
      const sorters = this.table.getSorters();
      // sorted: the new rows take their places (no more pages are fetched until the user scrolls)
      if (sorters.length) this.table.setSort(sorters.map((s) => ({ column: s.field, dir: s.dir })));
      else this.checkNearEnd();
    });
  }

  /** The rows are sorted by a column: the sort covers the rows loaded so far. */
  get sorted(): boolean {
    return this.built && this.table.getSorters().length > 0;
  }

  get rowCount(): number {
    return this.loaded;
  }

  /** After the tab was hidden: the grid measures itself again. */
  redraw(): void {
    if (this.built) this.table.redraw();
  }

  /** Asks for more when the visible rows reach the end of those loaded (also when they fill less than the view). */
  checkNearEnd(): void {
    const scroller = this.holder.querySelector<HTMLElement>('.tabulator-tableholder');
    if (!scroller || !this.built || scroller.clientHeight === 0) return;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - NEAR_END) this.events.nearEnd();
  }

  /** The selected cells as TSV (the whole rows with a header when whole rows are selected). */
  selection(): { text: string; what: string } | undefined {
    const ranges = this.table.getRanges?.() ?? [];
    const blocks: string[] = [];
    let cells = 0;
    let rows = 0;
    for (const range of ranges) {
      const grid = range.getStructuredCells().map((r) => r.filter((c) => c.getField() !== '__i'));
      if (!grid.length || !grid[0].length) continue;
      const wholeRows = grid[0].length === this.columns.length && grid.length > 0;
      const header = wholeRows && grid.length > 1 ? this.columns.map((c) => c.name ?? '') : undefined;
      blocks.push(
        toTsv(
          grid.map((r) => r.map((c) => c.getValue())),
          header,
        ),
      );
      cells += grid.length * grid[0].length;
      rows += grid.length;
    }
    if (!blocks.length) return undefined;
    const what =
      cells === 1
        ? '1 cell'
        : rows > 1 && cells === rows * this.columns.length
          ? rowsText(rows)
          : `${cells} cells`;
    return { text: blocks.join('\n'), what };
  }

  destroy(): void {
    this.table.destroy();
  }

  private key(e: KeyboardEvent): void {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'c') {
      const sel = this.selection();
      if (sel) {
        this.events.copy(sel.text, sel.what);
        e.preventDefault();
      }
    } else if (e.key === 'Enter') {
      const cell = this.table.getRanges?.()[0]?.getCells()[0];
      const c = cell && this.columnOf(cell);
      if (c && cell) this.events.openDetail(c, cell.getValue());
    }
  }

  private focused(cell: CellComponent): void {
    const c = this.columnOf(cell);
    if (c) this.events.cellFocused(c, cell.getValue());
  }

  private columnOf(cell: CellComponent): PreviewColumn | undefined {
    const f = cell.getField();
    return f?.startsWith('c') ? this.columns[Number(f.slice(1))] : undefined;
  }

  private column(c: PreviewColumn, i: number): ColumnDefinition {
    const numeric = isNumeric(c.type);
    const type = c.databaseType || c.type || '';
    return {
      field: field(i),
      title: c.name ?? '',
      hozAlign: numeric ? 'right' : 'left',
      titleFormatter: () =>
        el(
          'div',
          {
            class: 'col-title',
            title: `${c.name ?? ''}: ${type}${c.type && c.type !== type ? ` (${c.type})` : ''}`,
          },
          el('span', { class: 'col-name' }, c.name ?? ''),
          el('span', { class: 'col-type' }, type.toLowerCase()),
        ),
      formatter: (cell) => this.cell(cell.getValue(), c),
      sorter: (a, b, _ra, _rb, _col, dir) => {
        const nullish = (v: unknown): boolean => v === null || v === undefined;
        const r = compareValues(a, b, numeric);
        // NULL stays last in both directions
        return dir === 'desc' && (nullish(a) || nullish(b)) ? -r : r;
      },
    };
  }

  private cell(value: unknown, c: PreviewColumn): HTMLElement {
    if (value === null || value === undefined) return el('span', { class: 'null' }, 'NULL');
    const text = cellText(value);
    const shown = text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
    const long = isLong(value, c.type);
    return el(
      'span',
      { class: long ? 'value long' : typeof value === 'boolean' ? 'value bool' : 'value' },
      shown.replace(/\s*\n\s*/g, ' ⏎ '),
    );
  }

  private toData(rows: unknown[][]): RowData[] {
    return rows.map((r) => {
      const o: RowData = { __i: this.loaded++ };
      r.forEach((v, i) => (o[field(i)] = v));
      return o;
    });
  }
}
