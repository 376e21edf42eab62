package dev.dbtls.store.export;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * How a value reads as text wherever dbtls writes one: export files, the terminal's table and its
 * CSV. One place, so that a file and a terminal never spell the same value two ways by accident.
 */
public final class ValueText {
  private ValueText() {}

  /** The text of a normalized value: ISO-8601 dates, plain decimals, base64 bytes. */
  public static String of(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (v instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    if (v instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    return v.toString();
  }

  /**
   * One CSV field per RFC 4180: quoted (quotes doubled) when it holds a comma, a quote or a line
   * break; NULL is an empty field and an empty string {@code ""}, as PostgreSQL's COPY writes them.
   */
  public static String csvField(String s) {
    if (s == null) {
      return "";
    }
    if (!s.isEmpty() && !needsQuotes(s)) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** A CSV line of values as the terminal prints them: nulls and empty strings both empty. */
  public static String csvLine(List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      String s = v == null ? "" : String.valueOf(v);
      if (i > 0) {
        sb.append(',');
      }
      sb.append(s.isEmpty() ? "" : csvField(s));
    }
    return sb.toString();
  }

  /**
   * A table cell: one line, {@code null} spelled out, cut with an ellipsis past {@code maxWidth}.
   */
  public static String cell(Object v, int maxWidth) {
    String s = v == null ? "null" : String.valueOf(v).replace('\n', ' ').replace('\r', ' ');
    return s.length() <= maxWidth ? s : s.substring(0, maxWidth - 1) + "\u2026";
  }

  private static boolean needsQuotes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
