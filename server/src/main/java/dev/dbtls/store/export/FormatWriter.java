package dev.dbtls.store.export;

import java.nio.file.Path;
import java.util.List;

/** Writes every row of a cursor to a new file in one format. */
interface FormatWriter {
  void write(List<ExportColumn> columns, Rows rows, Path file) throws Exception;
}
