package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Python datetime for {@code modules.datetime} and {@code run_started_at}: fields, strftime,
 * isoformat, astimezone, replace; prints like str(). {@code tz} is null for a naive datetime.
 */
record PyDatetime(LocalDateTime value, PyTzInfo tz)
    implements PyObject, PyTemporal, Comparable<PyDatetime> {
  PyDatetime(LocalDateTime value) {
    this(value, (PyTzInfo) null);
  }

  /** An aware datetime with a fixed UTC offset, as {@code strptime('%z')} gives it. */
  PyDatetime(LocalDateTime value, ZoneOffset offset) {
    this(
        value,
        offset == null
            ? null
            : offset.getTotalSeconds() == 0
                ? PyTzInfo.python(ZoneOffset.UTC, null)
                : PyTzInfo.python(offset, null));
  }

  ZoneOffset offset() {
    return tz == null ? null : tz.offset();
  }

  /** Python's {@code +HH:MM} (with {@code sep} ":") or {@code +HHMM}; empty when naive. */
  String offsetText(String sep) {
    return tz == null ? "" : offsetText(tz.offset(), sep);
  }

  static String offsetText(ZoneOffset offset, String sep) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    String s =
        (total < 0 ? "-" : "+")
            + String.format("%02d", abs / 3600)
            + sep
            + String.format("%02d", abs / 60 % 60);
    return abs % 60 == 0 ? s : s + sep + String.format("%02d", abs % 60);
  }

  /** The moment this is; a naive datetime is local time, as Python takes it. */
  Instant instant() {
    return tz == null
        ? value.atZone(PyTzInfo.systemZone()).toInstant()
        : value.toInstant(tz.offset());
  }

  private long epochMicros() {
    Instant i = value.toInstant(tz == null ? ZoneOffset.UTC : tz.offset());
    return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PyDatetime d
        && (tz == null) == (d.tz == null)
        && (tz == null ? value.equals(d.value) : epochMicros() == d.epochMicros());
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
      case "tzinfo" -> tz;
      case "fold" -> 0L;
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    Arguments a = new Arguments(args, kwargs);
    return switch (method) {
      case "strftime" -> strftime(value, PyValues.str(a.arg(0, "format", "")), tz);
      case "isoformat" ->
          isoformat(PyValues.str(a.arg(0, "sep", "T")), PyValues.str(a.arg(1, "timespec", "auto")));
      case "date" -> new PyDate(value.toLocalDate());
      case "time" -> new PyTime(value.toLocalTime(), null);
      case "timetz" -> new PyTime(value.toLocalTime(), tz);
      case "weekday" -> (long) value.getDayOfWeek().getValue() - 1;
      case "isoweekday" -> (long) value.getDayOfWeek().getValue();
      case "isocalendar" ->
          new PyTuple(
              List.of(
                  (long) value.get(IsoFields.WEEK_BASED_YEAR),
                  (long) value.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                  (long) value.getDayOfWeek().getValue()));
      case "toordinal" -> value.toLocalDate().toEpochDay() + 719_163L;
      case "timestamp" -> instant().getEpochSecond() + instant().getNano() / 1e9;
      case "utcoffset" -> tz == null ? null : tz.call("utcoffset", List.of(this), Map.of());
      case "tzname" -> tz == null ? null : tz.call("tzname", List.of(this), Map.of());
      case "dst" -> tz == null ? null : tz.call("dst", List.of(this), Map.of());
      case "astimezone" -> astimezone(a.arg(0, "tz", null));
      case "replace" -> replace(kwargs);
      case "ctime" -> strftime(value, "%a %b %e %H:%M:%S %Y", null);
      default -> MISSING;
    };
  }

  private PyDatetime replace(Map<String, Object> kwargs) {
    LocalDateTime v =
        value
            .withYear(PyDate.intArg(kwargs, "year", value.getYear()))
            .withMonth(PyDate.intArg(kwargs, "month", value.getMonthValue()))
            .withDayOfMonth(PyDate.intArg(kwargs, "day", value.getDayOfMonth()))
            .withHour(PyDate.intArg(kwargs, "hour", value.getHour()))
            .withMinute(PyDate.intArg(kwargs, "minute", value.getMinute()))
            .withSecond(PyDate.intArg(kwargs, "second", value.getSecond()))
            .withNano(
                kwargs.get("microsecond") instanceof Number n
                    ? n.intValue() * 1000
                    : value.getNano());
    return new PyDatetime(v, kwargs.containsKey("tzinfo") ? tzArg(kwargs.get("tzinfo")) : tz);
  }

  /** {@code astimezone(tz)}: the same moment as {@code tz}'s wall time; no tz: the local zone. */
  PyDatetime astimezone(Object target) {
    Instant at = instant();
    if (target == null || target instanceof Undefined) {
      java.time.ZonedDateTime local = at.atZone(PyTzInfo.systemZone());
      return new PyDatetime(
          local.toLocalDateTime(),
          PyTzInfo.python(
              local.getOffset(),
              java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(local)));
    }
    return tzArg(target).fromUtc(at);
  }

  /** A {@code tzinfo=} argument: a tzinfo or None; anything else is Python's TypeError. */
  static PyTzInfo tzArg(Object o) {
    if (o == null || o instanceof Undefined) {
      return null;
    }
    if (o instanceof PyTzInfo t) {
      return t;
    }
    throw new IllegalArgumentException(
        "TypeError: tzinfo argument must be None or of a tzinfo subclass, not type '"
            + PyMethods.typeName(o)
            + "'");
  }

  private String isoformat(String sep, String timespec) {
    return value.toLocalDate()
        + sep
        + PyTime.isoformat(value.toLocalTime(), timespec)
        + offsetText(":");
  }

  @Override
  public Object plus(Object other) {
    return other instanceof PyTimedelta t
        ? new PyDatetime(value.plusNanos(t.micros() * 1000), tz)
        : null;
  }

  @Override
  public Object minus(Object other) {
    if (other instanceof PyTimedelta t) {
      return new PyDatetime(value.minusNanos(t.micros() * 1000), tz);
    }
    if (other instanceof PyDatetime d) {
      if ((tz == null) != (d.tz == null)) {
        throw new IllegalArgumentException(
            "TypeError: can't subtract offset-naive and offset-aware datetimes");
      }
      if (tz != null) {
        return new PyTimedelta(epochMicros() - d.epochMicros());
      }
      return new PyTimedelta(ChronoUnit.MICROS.between(d.value, value));
    }
    return null;
  }

  @Override
  public int compareTo(PyDatetime o) {
    if ((tz == null) != (o.tz == null)) {
      throw new IllegalArgumentException(
          "TypeError: can't compare offset-naive and offset-aware datetimes");
    }
    return tz != null ? Long.compare(epochMicros(), o.epochMicros()) : value.compareTo(o.value);
  }

  /** Python's strftime as glibc does it (dbt runs on Linux/macOS), in the C locale. */
  static String strftime(LocalDateTime value, String f, PyTzInfo tz) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%' || i + 1 == f.length()) {
        b.append(c);
        continue;
      }
      char t = f.charAt(++i);
      boolean unpadded = t == '-' && i + 1 < f.length();
      if (unpadded) {
        t = f.charAt(++i);
      }
      String s = directive(value, t, tz);
      if (unpadded && s.length() > 1 && "dmHIMSjyUWVeklCgu".indexOf(t) >= 0) {
        s = s.replaceFirst("^[0 ]+(?=.)", "");
      }
      b.append(s);
    }
    return b.toString();
  }

  private static String directive(LocalDateTime v, char t, PyTzInfo tz) {
    int yday = v.getDayOfYear() - 1;
    int sundayBased = v.getDayOfWeek().getValue() % 7;
    int hour12 = v.getHour() % 12 == 0 ? 12 : v.getHour() % 12;
    return switch (t) {
      case 'Y' -> String.valueOf(v.getYear());
      case 'C' -> String.format("%02d", v.getYear() / 100);
      case 'm' -> String.format("%02d", v.getMonthValue());
      case 'd' -> String.format("%02d", v.getDayOfMonth());
      case 'e' -> String.format("%2d", v.getDayOfMonth());
      case 'H' -> String.format("%02d", v.getHour());
      case 'k' -> String.format("%2d", v.getHour());
      case 'I' -> String.format("%02d", hour12);
      case 'l' -> String.format("%2d", hour12);
      case 'p' -> v.getHour() < 12 ? "AM" : "PM";
      case 'M' -> String.format("%02d", v.getMinute());
      case 'S' -> String.format("%02d", v.getSecond());
      case 'f' -> String.format("%06d", v.getNano() / 1000);
      case 'y' -> String.format("%02d", v.getYear() % 100);
      case 'j' -> String.format("%03d", v.getDayOfYear());
      case 'b', 'h' -> v.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'B' -> v.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'a' -> v.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'A' -> v.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'w' -> String.valueOf(sundayBased);
      case 'u' -> String.valueOf(v.getDayOfWeek().getValue());
      case 'U' -> String.format("%02d", (yday + 7 - sundayBased) / 7);
      case 'W' -> String.format("%02d", (yday + 7 - (sundayBased + 6) % 7) / 7);
      case 'V' -> String.format("%02d", v.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case 'G' -> String.valueOf(v.get(IsoFields.WEEK_BASED_YEAR));
      case 'g' -> String.format("%02d", v.get(IsoFields.WEEK_BASED_YEAR) % 100);
      case 'D' -> strftime(v, "%m/%d/%y", tz);
      case 'x' -> strftime(v, "%m/%d/%y", tz);
      case 'F' -> strftime(v, "%Y-%m-%d", tz);
      case 'T', 'X' -> strftime(v, "%H:%M:%S", tz);
      case 'R' -> strftime(v, "%H:%M", tz);
      case 'r' -> strftime(v, "%I:%M:%S %p", tz);
      case 'c' -> strftime(v, "%a %b %e %H:%M:%S %Y", tz);
      case 's' ->
          String.valueOf(
              (tz == null ? v.atZone(PyTzInfo.systemZone()).toInstant() : v.toInstant(tz.offset()))
                  .getEpochSecond());
      case 'z' -> tz == null ? "" : offsetText(tz.offset(), "");
      case 'Z' -> tz == null || tz.tzname() == null ? "" : tz.tzname();
      case 'n' -> "\n";
      case 't' -> "\t";
      case '%' -> "%";
      default -> "%" + t;
    };
  }

  @Override
  public String toString() {
    return value.toLocalDate()
        + " "
        + PyTime.isoformat(value.toLocalTime(), "auto")
        + offsetText(":");
  }
}
