package dev.dbtls.store.export;

import java.util.Locale;
import java.util.Optional;

/** The file formats a result can be exported to. */
public enum ExportFormat {
  /** RFC 4180: header row, CRLF, fields quoted when they hold a comma, quote or line break. */
  CSV("csv"),
  /** One JSON array of objects, values typed (numbers, booleans, null, ISO-8601 strings). */
  JSON("json"),
  /** One JSON object per line. */
  JSON_LINES("jsonl"),
  /** Apache Parquet written by DuckDB, column types kept. */
  PARQUET("parquet"),
  /** Excel workbook: header row, typed cells, a new sheet every 1,048,575 rows. */
  XLSX("xlsx");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** By name or extension, any case: {@code csv}, {@code json}, {@code jsonl}, ... */
  public static Optional<ExportFormat> of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (ExportFormat f : values()) {
      if (f.extension.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(f);
      }
    }
    return n.equals("ndjson") ? Optional.of(JSON_LINES) : Optional.empty();
  }
}
