package dev.dbtls.store.export;

import java.nio.file.Path;

/**
 * What an export did.
 *
 * @param file the written file; null when the export failed
 * @param rows rows written (rows read before the failure when it failed)
 * @param bytes the file's size
 * @param error a one-line message; null when the file was written
 */
public record ExportResult(
    Path file, ExportFormat format, long rows, long bytes, long millis, String error) {
  public boolean ok() {
    return error == null;
  }
}
