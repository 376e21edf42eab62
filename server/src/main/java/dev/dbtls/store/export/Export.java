package dev.dbtls.store.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Exports a result to a file, streaming: rows go from the source to the file as they are read
 * (Parquet through an on-disk DuckDB table), never all in memory. The file is written under a
 * temporary name next to the target ({@code .<name>.<random>.part}) and renamed at the end, so a
 * failure or a cancel leaves the target as it was. Never throws.
 */
public final class Export {
  private Export() {}

  public static ExportResult write(RowSource source, Path target, ExportFormat format) {
    return write(source, target, format, () -> false);
  }

  /** As {@link #write(RowSource, Path, ExportFormat)}, stopping when {@code cancelled} says so. */
  public static ExportResult write(
      RowSource source, Path target, ExportFormat format, BooleanSupplier cancelled) {
    long start = System.nanoTime();
    Rows rows = new Rows(source, cancelled);
    Path tmp = null;
    try {
      Path file = target.toAbsolutePath();
      Path dir = file.getParent();
      if (!Files.isDirectory(dir)) {
        return failed(format, rows, start, "cannot export: the folder " + dir + " does not exist");
      }
      tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
      writer(format).write(uniqueNames(source.columns()), rows, tmp);
      rows.checkCancelled();
      commit(tmp, file);
      return new ExportResult(file, format, rows.count(), Files.size(file), millis(start), null);
    } catch (CancellationException e) {
      return failed(format, rows, start, "the export was cancelled");
    } catch (Exception e) {
      return failed(format, rows, start, "cannot export to " + target + ": " + message(e));
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static FormatWriter writer(ExportFormat format) {
    return switch (format) {
      case CSV -> new CsvExport();
      case JSON -> new JsonExport(false);
      case JSON_LINES -> new JsonExport(true);
      case PARQUET -> new ParquetExport();
      case XLSX -> new XlsxExport();
    };
  }

  /** Names as the file gets them: blank ones numbered, repeated ones suffixed (JSON keys). */
  static List<ExportColumn> uniqueNames(List<ExportColumn> columns) {
    Set<String> seen = new HashSet<>();
    List<ExportColumn> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ExportColumn c = columns.get(i);
      String base = c.name() == null || c.name().isBlank() ? "column_" + (i + 1) : c.name();
      String name = base;
      for (int n = 2; !seen.add(name); n++) {
        name = base + "_" + n;
      }
      out.add(
          new ExportColumn(
              name, c.type() == null ? ColumnType.OTHER : c.type(), c.precision(), c.scale()));
    }
    return out;
  }

  private static void commit(Path tmp, Path file) throws IOException {
    dev.dbtls.project.FileReplace.move(tmp, file);
  }

  private static ExportResult failed(ExportFormat format, Rows rows, long start, String error) {
    return new ExportResult(null, format, rows.count(), 0, millis(start), error);
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
  }

  static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a leftover temporary file is hidden and named .part; nothing better to do
      }
    }
  }
}
