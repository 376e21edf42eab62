package dev.dbtls.store.export;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** What the writers see of a value: java.time for dates, text for the exotic. */
final class Values {
  private Values() {}

  /** Turns JDBC's legacy and driver-specific objects into plain Java values. */
  static Object normalize(Object v) throws SQLException {
    if (v == null
        || v instanceof String
        || v instanceof Number
        || v instanceof Boolean
        || v instanceof byte[]) {
      return v;
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (v instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    if (v instanceof ZonedDateTime z) {
      return z.toOffsetDateTime();
    }
    if (v instanceof LocalDate
        || v instanceof LocalDateTime
        || v instanceof LocalTime
        || v instanceof OffsetDateTime
        || v instanceof OffsetTime) {
      return v;
    }
    if (v instanceof Clob c) {
      return c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, c.length()));
    }
    if (v instanceof Blob b) {
      return b.getBytes(1, (int) Math.min(Integer.MAX_VALUE, b.length()));
    }
    return v.toString();
  }
}
