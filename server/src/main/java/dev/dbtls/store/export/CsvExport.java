package dev.dbtls.store.export;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * CSV per RFC 4180: a header row, CRLF line ends, a field quoted (quotes doubled) when it holds a
 * comma, a quote or a line break. NULL is an empty field; an empty string is {@code ""}, as
 * PostgreSQL's COPY writes them, so the two stay apart. UTF-8, no byte-order mark.
 */
final class CsvExport implements FormatWriter {
  @Override
  public void write(List<ExportColumn> columns, Rows rows, Path file) throws Exception {
    try (Writer out =
        new BufferedWriter(
            Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE),
            1 << 16)) {
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        field(out, columns.get(i).name());
      }
      out.write("\r\n");
      while (rows.next()) {
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          field(out, ValueText.of(rows.get(i)));
        }
        out.write("\r\n");
      }
    }
  }

  static void field(Writer out, String s) throws java.io.IOException {
    out.write(ValueText.csvField(s));
  }
}
