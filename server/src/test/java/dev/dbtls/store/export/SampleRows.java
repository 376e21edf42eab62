package dev.dbtls.store.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Generated rows of every common type, with the text that trips CSV writers. */
final class SampleRows {
  static final List<ExportColumn> COLUMNS =
      List.of(
          new ExportColumn("id", ColumnType.INTEGER),
          new ExportColumn("name", ColumnType.TEXT),
          new ExportColumn("amount", ColumnType.DECIMAL, 12, 2),
          new ExportColumn("ratio", ColumnType.DOUBLE),
          new ExportColumn("flag", ColumnType.BOOLEAN),
          new ExportColumn("day", ColumnType.DATE),
          new ExportColumn("at", ColumnType.TIMESTAMP),
          new ExportColumn("at_tz", ColumnType.TIMESTAMP_TZ),
          new ExportColumn("note", ColumnType.TEXT));
  static final LocalDateTime BASE = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final String[] NAMES = {
    "plain", "with, comma", "with \"quotes\"", "two\nlines", "crlf\r\nline", "ünïcødé ✓", " spaced "
  };

  private SampleRows() {}

  static List<Object> row(long i) {
    Object note = i % 7 == 0 ? null : i % 11 == 0 ? "" : "note " + i;
    return Arrays.asList(
        i,
        NAMES[(int) (i % NAMES.length)],
        BigDecimal.valueOf(i * 137 % 1_000_000, 2),
        i / 8.0,
        i % 3 == 0,
        LocalDate.of(2024, 1, 1).plusDays(i % 3650),
        BASE.plusSeconds(i).plusNanos((i % 1000) * 1000),
        BASE.plusMinutes(i).atOffset(ZoneOffset.ofHours(2)),
        note);
  }

  static BigDecimal amount(long i) {
    return (BigDecimal) row(i).get(2);
  }

  static OffsetDateTime atTz(long i) {
    return (OffsetDateTime) row(i).get(7);
  }

  /** {@code count} rows; the source throws after {@code failAfter} rows (-1: never). */
  static RowSource source(long count, long failAfter) {
    return RowSource.of(
        COLUMNS,
        new Iterator<List<Object>>() {
          long next;

          @Override
          public boolean hasNext() {
            if (next == failAfter) {
              throw new IllegalStateException("connection reset by peer");
            }
            return next < count;
          }

          @Override
          public List<Object> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return row(next++);
          }
        });
  }
}
