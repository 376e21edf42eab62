package dev.dbtls.store.export;

/**
 * A column of a result to export.
 *
 * @param precision total digits of a {@link ColumnType#DECIMAL}; 0 when unknown
 * @param scale digits after the point of a {@link ColumnType#DECIMAL}
 */
public record ExportColumn(String name, ColumnType type, int precision, int scale) {
  public ExportColumn(String name, ColumnType type) {
    this(name, type, 0, 0);
  }
}
