package dev.dbtls.store.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel through fastexcel's streaming writer: a bold, frozen header row, typed cells (numbers,
 * booleans, dates and timestamps with a date format, times as fractions of a day), text as inline
 * strings (a shared-string table would keep every string in memory). Rows are flushed every {@value
 * #FLUSH_EVERY}; past Excel's 1,048,576 rows a new sheet starts. Whole numbers beyond 2^53, which
 * Excel's doubles cannot hold, and timestamps with a zone (shown in UTC) are the two places a value
 * changes form.
 */
final class XlsxExport implements FormatWriter {
  static final int ROWS_PER_SHEET = Worksheet.MAX_ROWS - 1;
  private static final int FLUSH_EVERY = 1_000;
  private static final int MAX_CELL_TEXT = 32_767;
  private static final long EXACT_IN_DOUBLE = 1L << 53;
  private static final double NANOS_PER_DAY = 86_400e9;

  private final int rowsPerSheet;

  XlsxExport() {
    this(ROWS_PER_SHEET);
  }

  /** Tests start new sheets sooner than Excel's limit. */
  XlsxExport(int rowsPerSheet) {
    this.rowsPerSheet = rowsPerSheet;
  }

  @Override
  public void write(List<ExportColumn> columns, Rows rows, Path file) throws Exception {
    try (OutputStream os =
        new BufferedOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16)) {
      Workbook wb = new Workbook(os, "dbtls", "1.0");
      int sheet = 1;
      Worksheet ws = sheet(wb, columns, sheet);
      int r = 0;
      while (rows.next()) {
        if (r == rowsPerSheet) {
          ws.finish();
          ws = sheet(wb, columns, ++sheet);
          r = 0;
        }
        r++;
        for (int c = 0; c < columns.size(); c++) {
          cell(ws, r, c, rows.get(c));
        }
        if (r % FLUSH_EVERY == 0) {
          ws.flush();
        }
      }
      ws.finish();
      wb.finish();
    }
  }

  private static Worksheet sheet(Workbook wb, List<ExportColumn> columns, int n) {
    Worksheet ws = wb.newWorksheet(n == 1 ? "result" : "result " + n);
    for (int c = 0; c < columns.size(); c++) {
      ws.inlineString(0, c, clip(columns.get(c).name()));
      ws.style(0, c).bold().set();
    }
    ws.freezePane(0, 1);
    return ws;
  }

  private static void cell(Worksheet ws, int r, int c, Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof Boolean b) {
      ws.value(r, c, b);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      long l = ((Number) v).longValue();
      if (Math.abs(l) <= EXACT_IN_DOUBLE) {
        ws.value(r, c, l);
      } else {
        ws.inlineString(r, c, Long.toString(l));
      }
    } else if (v instanceof BigInteger i) {
      if (i.bitLength() <= 53) {
        ws.value(r, c, i);
      } else {
        ws.inlineString(r, c, i.toString());
      }
    } else if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
      number(ws, r, c, (Number) v);
    } else if (v instanceof LocalDate d) {
      ws.value(r, c, d);
      ws.style(r, c).format("yyyy-mm-dd").set();
    } else if (v instanceof LocalDateTime t) {
      ws.value(r, c, t);
      ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
    } else if (v instanceof OffsetDateTime t) {
      ws.value(r, c, t.atZoneSameInstant(ZoneOffset.UTC));
      ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
    } else if (v instanceof LocalTime t) {
      ws.value(r, c, t.toNanoOfDay() / NANOS_PER_DAY);
      ws.style(r, c).format("hh:mm:ss").set();
    } else if (v instanceof byte[] b) {
      ws.inlineString(r, c, clip(Base64.getEncoder().encodeToString(b)));
    } else {
      ws.inlineString(r, c, clip(ValueText.of(v)));
    }
  }

  private static void number(Worksheet ws, int r, int c, Number n) {
    double d = n.doubleValue();
    if (Double.isFinite(d)) {
      ws.value(r, c, n);
    } else {
      ws.inlineString(r, c, Double.toString(d));
    }
  }

  /** Excel refuses more than 32,767 characters in a cell. */
  private static String clip(String s) {
    return s.length() <= MAX_CELL_TEXT ? s : s.substring(0, MAX_CELL_TEXT);
  }
}
