package dev.dbtls.intellij.views;

import com.google.gson.GsonBuilder;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a result value reads in the grid: nulls as {@code NULL}, whole numbers without ".0" (JSON
 * numbers arrive as doubles), nested values (DuckDB structs and lists) as JSON; and in full for the
 * detail pane, JSON pretty-printed.
 */
public final class CellText {
  /** Longer values show cut in the grid; the detail pane has them whole. */
  public static final int MAX_CELL = 120;

  private static final DecimalFormat DECIMAL =
      new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));

  private CellText() {}

  /** The value as one line, cut at {@link #MAX_CELL} characters. */
  public static String inGrid(Object value) {
    String s = full(value, false).replace('\n', ' ');
    return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
  }

  /** The value whole; JSON (nested values, or text that is a JSON object or array) indented. */
  public static String detail(Object value) {
    return full(value, true);
  }

  /** Whether the grid shows less than the whole value (the detail pane has more to say). */
  public static boolean hasDetail(Object value) {
    String s = full(value, false);
    return s.length() > MAX_CELL || s.contains("\n") || isJson(value);
  }

  private static String full(Object value, boolean pretty) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : DECIMAL.format(d);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return json(value, pretty);
    }
    String s = value.toString();
    if (pretty && isJson(s)) {
      try {
        return json(com.google.gson.JsonParser.parseString(s), true);
      } catch (RuntimeException e) {
        return s;
      }
    }
    return s;
  }

  private static boolean isJson(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return true;
    }
    if (!(value instanceof String s)) {
      return false;
    }
    String t = s.strip();
    return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"));
  }

  private static String json(Object value, boolean pretty) {
    GsonBuilder b = new GsonBuilder().serializeNulls();
    if (pretty) {
      b.setPrettyPrinting();
    }
    return b.create().toJson(value);
  }
}
