package dev.dbtls.protocol;

/** Result of {@code dbt/export}: the file written, its format, rows and bytes, or an error. */
public record ExportResult(
    String path, String format, long rows, long bytes, long millis, PreviewError error) {}
