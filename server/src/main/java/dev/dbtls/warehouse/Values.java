package dev.dbtls.warehouse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column values as plain Java that any client can show: strings, numbers, booleans, ISO-8601
 * strings for dates and times, base64 for bytes, lists and maps for nested values, null. Infinite
 * and NaN floats become strings (JSON has no word for them).
 */
final class Values {
  private static final int MAX_LOB = 1 << 20;

  private Values() {}

  static Object read(ResultSet rs, int column, int sqlType, String databaseType)
      throws SQLException {
    Object typed =
        switch (sqlType) {
          case Types.DATE -> typed(rs, column, LocalDate.class);
          case Types.TIME -> typed(rs, column, LocalTime.class);
          case Types.TIMESTAMP ->
              ColumnTypes.zoned(databaseType)
                  ? typed(rs, column, OffsetDateTime.class)
                  : typed(rs, column, LocalDateTime.class);
          case Types.TIMESTAMP_WITH_TIMEZONE -> typed(rs, column, OffsetDateTime.class);
          default -> null;
        };
    if (typed != null) {
      return plain(typed);
    }
    Object o = rs.getObject(column);
    if (rs.wasNull()) {
      return null;
    }
    return o instanceof String text && semiStructured(databaseType) ? parsedJson(text) : plain(o);
  }

  /**
   * Nested values a driver hands over as JSON text: Snowflake's {@code VARIANT}, {@code OBJECT} and
   * {@code ARRAY} (also structured, {@code ARRAY(NUMBER)}), pretty-printed; Databricks' {@code
   * ARRAY<…>}, {@code STRUCT<…>} and {@code MAP<…>}.
   */
  static boolean semiStructured(String databaseType) {
    String t = databaseType == null ? "" : databaseType.toLowerCase(java.util.Locale.ROOT);
    return t.equals("variant")
        || t.startsWith("object")
        || t.startsWith("array")
        || t.startsWith("struct")
        || t.startsWith("map");
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  /** JSON text as lists, maps and scalars (numbers exact); text that is not JSON stays text. */
  private static Object parsedJson(String text) throws SQLException {
    try {
      return plain(JSON.readValue(text, Object.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      return text;
    }
  }

  private static Object typed(ResultSet rs, int column, Class<?> type) {
    try {
      return rs.getObject(column, type);
    } catch (SQLException | RuntimeException e) {
      return null; // the driver cannot: read it untyped
    }
  }

  static Object plain(Object o) throws SQLException {
    if (o == null
        || o instanceof String
        || o instanceof Boolean
        || o instanceof Integer
        || o instanceof Long
        || o instanceof BigDecimal
        || o instanceof BigInteger) {
      return o;
    }
    if (o instanceof Short || o instanceof Byte) {
      return ((Number) o).intValue();
    }
    if (o instanceof Double || o instanceof Float) {
      double d = ((Number) o).doubleValue();
      return Double.isFinite(d) ? o : String.valueOf(d);
    }
    if (o instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (o instanceof TemporalAccessor t) {
      return iso(t);
    }
    if (o instanceof java.sql.Timestamp ts) {
      return iso(ts.toLocalDateTime());
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (o instanceof java.sql.Time t) {
      return iso(t.toLocalTime());
    }
    if (o instanceof java.util.Date d) {
      return d.toInstant().toString();
    }
    if (o instanceof Array a) {
      return plain(a.getArray());
    }
    if (o instanceof Object[] arr) {
      List<Object> out = new ArrayList<>(arr.length);
      for (Object x : arr) {
        out.add(plain(x));
      }
      return out;
    }
    if (o instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object x : list) {
        out.add(plain(x));
      }
      return out;
    }
    if (o instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), plain(e.getValue()));
      }
      return out;
    }
    if (o instanceof Blob b) {
      return Base64.getEncoder().encodeToString(b.getBytes(1, (int) Math.min(b.length(), MAX_LOB)));
    }
    if (o instanceof Clob c) {
      return c.getSubString(1, (int) Math.min(c.length(), MAX_LOB));
    }
    return o.toString();
  }

  private static String iso(TemporalAccessor t) {
    if (t instanceof LocalDateTime ldt) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ldt);
    }
    if (t instanceof OffsetDateTime odt) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt);
    }
    if (t instanceof LocalTime lt) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(lt);
    }
    return t.toString();
  }

  /** About how much memory a value takes, to cap the bytes of a page. */
  static long size(Object v) {
    if (v instanceof String s) {
      return 40L + 2L * s.length();
    }
    if (v instanceof List<?> l) {
      long n = 24;
      for (Object x : l) {
        n += size(x);
      }
      return n;
    }
    if (v instanceof Map<?, ?> m) {
      long n = 48;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        n += size(e.getKey()) + size(e.getValue());
      }
      return n;
    }
    return 16;
  }
}
