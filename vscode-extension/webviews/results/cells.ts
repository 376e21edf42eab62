// How result values read as text — plain functions, no DOM (unit-tested in test/unit/resultsCells.test.ts).

/** Types whose values are numbers: right-aligned, sorted as numbers. */
const NUMERIC = new Set(['integer', 'decimal', 'float']);
/** Types whose values are structured: shown pretty-printed in the detail pane. */
const STRUCTURED = new Set(['json', 'struct', 'map', 'array']);

export function isNumeric(type: string | undefined): boolean {
  return NUMERIC.has(type ?? '');
}

/** A value as one line of text; null and undefined are the caller's to show as NULL. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A value worth the detail pane: long, several lines, or structured. */
export function isLong(value: unknown, type?: string): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'object' || STRUCTURED.has(type ?? '')) return true;
  const text = cellText(value);
  return text.length > 80 || text.includes('\n');
}

/** The value for the detail pane: JSON (a JSON type, an object, or text that parses as one) pretty-printed. */
export function detailText(value: unknown, type?: string): { text: string; json: boolean } {
  if (value === null || value === undefined) return { text: 'NULL', json: false };
  if (typeof value === 'object') return { text: JSON.stringify(value, null, 2), json: true };
  if (typeof value === 'string' && (STRUCTURED.has(type ?? '') || /^\s*[[{]/.test(value))) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed !== null && typeof parsed === 'object')
        return { text: JSON.stringify(parsed, null, 2), json: true };
    } catch {
      // not JSON: shown as it is
    }
  }
  return { text: cellText(value), json: false };
}

/** One field of tab-separated text: quoted when it holds a tab, a line break or a quote. */
function tsvField(value: unknown): string {
  const s = cellText(value);
  return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of values as tab-separated text, as spreadsheets paste it; NULL is an empty field. */
export function toTsv(rows: unknown[][], header?: string[]): string {
  const lines = rows.map((r) => r.map(tsvField).join('\t'));
  if (header) lines.unshift(header.map(tsvField).join('\t'));
  return lines.join('\n');
}

/** Compares two values for sorting: NULL last; a numeric column's values as numbers (decimals come as text too), else as text. */
export function compareValues(a: unknown, b: unknown, numeric: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (numeric || (typeof a === 'number' && typeof b === 'number')) {
    const d = Number(a) - Number(b);
    if (!Number.isNaN(d)) return d;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = cellText(a);
  const y = cellText(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "1 row", "12,345 rows". */
/** Bytes as the server words them: decimal units, one digit after the point (1.2 MB, 12 bytes). */
export function bytesText(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(1)} ${units[u]}`;
}

export function rowsText(n: number): string {
  return n === 1 ? '1 row' : `${n.toLocaleString('en-US')} rows`;
}
