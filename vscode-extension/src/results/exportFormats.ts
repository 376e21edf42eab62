// The formats of Export and how its outcome is told (plain: no VS Code here).
import type { ExportResult } from '../protocol.generated';
import { elapsedText } from './elapsed';

export interface ExportFormat {
  /** dbt/export's `format`. */
  id: 'csv' | 'json' | 'jsonl' | 'parquet' | 'xlsx';
  label: string;
  extension: string;
  description: string;
  /** A text file VS Code opens itself; the others open in their own application. */
  text: boolean;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'csv',
    label: 'CSV',
    extension: 'csv',
    description: 'comma-separated values with a header row',
    text: true,
  },
  { id: 'json', label: 'JSON', extension: 'json', description: 'one array of objects', text: true },
  { id: 'jsonl', label: 'JSON Lines', extension: 'jsonl', description: 'one object per line', text: true },
  { id: 'parquet', label: 'Parquet', extension: 'parquet', description: 'columnar, typed', text: false },
  {
    id: 'xlsx',
    label: 'Excel (XLSX)',
    extension: 'xlsx',
    description: 'a workbook with one sheet',
    text: false,
  },
];

/** A file name for a tab's title: `orders.csv`, `Query_3.parquet`. */
export function exportFileName(title: string, format: ExportFormat): string {
  const base =
    title
      .trim()
      .replace(/[^\w.-]+/g, '_')
      .replace(/^[._]+|_+$/g, '') || 'results';
  return `${base}.${format.extension}`;
}

/** 512 B, 1.5 KB, 2.3 MB. */
export function bytesText(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** The notification after an export: `Exported 12,345 rows to orders.csv (1.2 MB) in 3.2 s.` */
export function exportedMessage(r: ExportResult, fileName: string): string {
  const rows = r.rows === 1 ? '1 row' : `${r.rows.toLocaleString('en-US')} rows`;
  return `Exported ${rows} to ${fileName} (${bytesText(r.bytes)}) in ${elapsedText(r.millis)}.`;
}
