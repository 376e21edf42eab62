/**
 * Export of a result to a file: {@link dev.dbtls.store.export.Export#write} reads a {@link
 * dev.dbtls.store.export.RowSource} once, forward, and streams it into CSV, JSON, JSON lines, XLSX
 * or Parquet. Local file IO only; never throws (an {@link dev.dbtls.store.export.ExportResult}
 * carries the message); never holds the result in memory; the target appears only when the whole
 * file is written (temporary file, then rename).
 */
package dev.dbtls.store.export;
