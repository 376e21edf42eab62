package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A Python datetime for {@code modules.datetime}: fields, strftime, isoformat; prints like str().
 * {@code offset} is null for a naive datetime, the UTC offset of an aware one ({@code %z}).
 */
record PyDatetime(LocalDateTime value, java.time.ZoneOffset offset)
    implements PyObject, PyTemporal, Comparable<PyDatetime> {
  PyDatetime(LocalDateTime value) {
    this(value, null);
  }

  /** Python's {@code +HH:MM} (with {@code sep} ":") or {@code +HHMM}; empty when naive. */
  String offsetText(String sep) {
    if (offset == null) {
      return "";
    }
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    String s = (total < 0 ? "-" : "+") + String.format("%02d", abs / 3600) + sep
        + String.format("%02d", abs / 60 % 60);
    return abs % 60 == 0 ? s : s + sep + String.format("%02d", abs % 60);
  }

  private long epochMicros() {
    java.time.Instant i = value.toInstant(offset == null ? java.time.ZoneOffset.UTC : offset);
    return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PyDatetime d && (offset == null) == (d.offset == null)
        && (offset == null ? value.equals(d.value) : epochMicros() == d.epochMicros());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(epochMicros());
  }
  @Override
  public Object attr(String name) {
    return switch (name) {
      case "year" -> (long) value.getYear();
      case "month" -> (long) value.getMonthValue();
      case "day" -> (long) value.getDayOfMonth();
      case "hour" -> (long) value.getHour();
      case "minute" -> (long) value.getMinute();
      case "second" -> (long) value.getSecond();
      case "microsecond" -> (long) value.getNano() / 1000;
      case "tzinfo" -> offset == null ? null : offset.equals(java.time.ZoneOffset.UTC) ? PyTimezone.UTC
          : new PyTimezone(offset, "UTC" + offsetText(":"));
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "strftime" -> strftime(value, (args.isEmpty() ? "" : PyValues.str(args.get(0)))
          .replace("%%", "\u0000").replace("%z", offsetText("")).replace("\u0000", "%%"));
      case "isoformat" -> isoformat(args.isEmpty() ? "T" : PyValues.str(args.get(0)));
      case "date" -> new PyDate(value.toLocalDate());
      case "weekday" -> (long) value.getDayOfWeek().getValue() - 1;
      case "replace" -> new PyDatetime(value
          .withYear(PyDate.intArg(kwargs, "year", value.getYear()))
          .withMonth(PyDate.intArg(kwargs, "month", value.getMonthValue()))
          .withDayOfMonth(PyDate.intArg(kwargs, "day", value.getDayOfMonth()))
          .withHour(PyDate.intArg(kwargs, "hour", value.getHour()))
          .withMinute(PyDate.intArg(kwargs, "minute", value.getMinute()))
          .withSecond(PyDate.intArg(kwargs, "second", value.getSecond()))
          .withNano(kwargs.get("microsecond") instanceof Number n ? n.intValue() * 1000 : value.getNano()),
          offset);
      case "astimezone" -> args.isEmpty() ? astimezone(PyTimezone.UTC)
          : args.get(0) instanceof PyTimezone tz ? astimezone(tz) : MISSING;
      case "tzname" -> offset == null ? null : offset.equals(java.time.ZoneOffset.UTC) ? "UTC" : "UTC" + offsetText(":");
      default -> MISSING;
    };
  }

  /** The same instant as a wall-clock time of {@code tz}; a naive datetime is taken as UTC. */
  PyDatetime astimezone(PyTimezone tz) {
    java.time.Instant at = value.toInstant(offset == null ? java.time.ZoneOffset.UTC : offset);
    java.time.ZonedDateTime z = at.atZone(tz.zone());
    return new PyDatetime(z.toLocalDateTime(), z.getOffset());
  }

  private String isoformat(String sep) {
    String t = value.format(DateTimeFormatter.ofPattern(value.getNano() == 0 ? "HH:mm:ss" : "HH:mm:ss.SSSSSS"));
    return value.toLocalDate() + sep + t + offsetText(":");
  }

  @Override
  public Object plus(Object other) {
    return other instanceof PyTimedelta t ? new PyDatetime(value.plusNanos(t.micros() * 1000), offset) : null;
  }

  @Override
  public Object minus(Object other) {
    if (other instanceof PyTimedelta t) {
      return new PyDatetime(value.minusNanos(t.micros() * 1000), offset);
    }
    if (other instanceof PyDatetime d) {
      if (offset != null && d.offset != null) {
        return new PyTimedelta(epochMicros() - d.epochMicros());
      }
      return new PyTimedelta(java.time.temporal.ChronoUnit.MICROS.between(d.value, value));
    }
    return null;
  }

  @Override
  public int compareTo(PyDatetime o) {
    return offset != null && o.offset != null ? Long.compare(epochMicros(), o.epochMicros())
        : value.compareTo(o.value);
  }

  static String strftime(LocalDateTime value, String f) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%' || i + 1 == f.length()) {
        b.append(c);
        continue;
      }
      char t = f.charAt(++i);
      b.append(switch (t) {
        case 'Y' -> String.format("%04d", value.getYear());
        case 'm' -> String.format("%02d", value.getMonthValue());
        case 'd' -> String.format("%02d", value.getDayOfMonth());
        case 'H' -> String.format("%02d", value.getHour());
        case 'M' -> String.format("%02d", value.getMinute());
        case 'S' -> String.format("%02d", value.getSecond());
        case 'f' -> String.format("%06d", value.getNano() / 1000);
        case 'y' -> String.format("%02d", value.getYear() % 100);
        case 'j' -> String.format("%03d", value.getDayOfYear());
        case 'b' -> value.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        case 'B' -> value.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        case 'a' -> value.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        case 'A' -> value.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        case 'w' -> String.valueOf(value.getDayOfWeek().getValue() % 7);
        case '%' -> "%";
        default -> "%" + t;
      });
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return value.format(DateTimeFormatter.ofPattern(value.getNano() == 0
        ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.SSSSSS")) + offsetText(":");
  }
}
