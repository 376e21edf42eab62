package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * {@code modules.datetime} as dbt exposes Python's module: {@code date}, {@code datetime} and
 * {@code timedelta}, callable as constructors and with their common class methods.
 */
final class PyDatetimeModule {
  private PyDatetimeModule() {}

  /** A Python class: calling it constructs, its attributes are class methods. */
  record PyType(String name, JinjaCallable constructor, Map<String, JinjaCallable> methods)
      implements JinjaCallable, PyObject {
    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      return constructor.call(args, kwargs);
    }

    @Override
    public Object attr(String key) {
      return methods.containsKey(key) ? methods.get(key) : MISSING;
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      JinjaCallable m = methods.get(method);
      return m == null ? MISSING : m.call(args, kwargs);
    }

    @Override
    public String toString() {
      return "<class 'datetime." + name + "'>";
    }
  }

  static PyObject module() {
    PyType date = new PyType("date",
        (a, k) -> new PyDate(LocalDate.of(i(a, 0, k, "year"), i(a, 1, k, "month"), i(a, 2, k, "day"))),
        Map.of("today", (a, k) -> new PyDate(LocalDate.now()),
            "fromisoformat", (a, k) -> new PyDate(LocalDate.parse(PyValues.str(a.get(0)))),
            "fromordinal", (a, k) -> new PyDate(LocalDate.ofEpochDay(((Number) a.get(0)).longValue() - 719_163L))));
    PyType datetime = new PyType("datetime",
        (a, k) -> zoned(LocalDateTime.of(i(a, 0, k, "year"), i(a, 1, k, "month"),
            i(a, 2, k, "day"), i(a, 3, k, "hour"), i(a, 4, k, "minute"), i(a, 5, k, "second"),
            i(a, 6, k, "microsecond") * 1000), k.containsKey("tzinfo") ? k.get("tzinfo") : a.size() > 7 ? a.get(7) : null),
        Map.of("now", (a, k) -> {
              Object tz = a.isEmpty() ? k.get("tz") : a.get(0);
              return tz instanceof PyTimezone z ? new PyDatetime(LocalDateTime.now(ZoneOffset.UTC),
                  ZoneOffset.UTC).astimezone(z) : new PyDatetime(LocalDateTime.now());
            },
            "utcnow", (a, k) -> new PyDatetime(LocalDateTime.now(ZoneOffset.UTC)),
            "today", (a, k) -> new PyDatetime(LocalDateTime.now()),
            "fromisoformat", (a, k) -> new PyDatetime(fromIso(PyValues.str(a.get(0)))),
            "strptime", (a, k) -> a.get(0) instanceof AgateTable.EmptyColumns unknown ? unknown
                : strptime(PyValues.str(a.get(0)), PyValues.str(a.get(1)))));
    PyType timedelta = new PyType("timedelta", (a, k) -> PyTimedelta.of(k, a), Map.of());
    return new PyObjects("datetime", Map.of("date", date, "datetime", datetime, "timedelta", timedelta));
  }

  /** A datetime built with {@code tzinfo=}: aware, at that zone's offset for its wall-clock time. */
  private static PyDatetime zoned(LocalDateTime local, Object tzinfo) {
    return tzinfo instanceof PyTimezone tz ? new PyDatetime(local, tz.offsetAt(local)) : new PyDatetime(local);
  }

  private static int i(List<Object> a, int index, Map<String, Object> k, String name) {
    Object v = k.containsKey(name) ? k.get(name) : index < a.size() ? a.get(index) : null;
    return v instanceof Number n ? n.intValue() : (index < 3 ? 1 : 0);
  }

  private static LocalDateTime fromIso(String s) {
    String t = s.replace(' ', 'T');
    return t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
  }

  /** Python's strptime directives translated to a java.time pattern. */
  static PyDatetime strptime(String text, String format) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '%' && i + 1 < format.length()) {
        char d = format.charAt(++i);
        p.append(switch (d) {
          case 'Y' -> "yyyy";
          case 'm' -> "MM";
          case 'd' -> "dd";
          case 'H' -> "HH";
          case 'M' -> "mm";
          case 'S' -> "ss";
          case 'f' -> "SSSSSS";
          case 'y' -> "yy";
          case 'b' -> "MMM";
          case 'B' -> "MMMM";
          case 'j' -> "DDD";
          case 'a' -> "EEE";
          case 'A' -> "EEEE";
          case 'I' -> "hh";
          case 'p' -> "a";
          case 'z' -> "[XXX][XX]"; // +HH:MM, +HHMM or Z, as Python 3.7+ accepts
          case 'Z' -> "[z]";
          case '%' -> "%";
          default -> throw new IllegalArgumentException("strptime: unsupported directive %" + d);
        });
      } else if (Character.isLetter(c)) {
        p.append('\'').append(c).append('\'');
      } else {
        p.append(c);
      }
    }
    String pattern = p.toString();
    java.time.format.DateTimeFormatterBuilder b = new java.time.format.DateTimeFormatterBuilder()
        .parseCaseInsensitive().appendPattern(pattern);
    if (!pattern.contains("hh")) {
      b.parseDefaulting(java.time.temporal.ChronoField.HOUR_OF_DAY, 0);
    }
    java.time.temporal.TemporalAccessor t;
    try {
      t = b.toFormatter(java.util.Locale.ENGLISH).parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      // '%' doubled: Jinjava passes an expression's error message through String.format
      throw new IllegalArgumentException(("time data '" + text + "' does not match format '" + format
          + "'").replace("%", "%%"));
    }
    java.time.ZoneOffset offset = format.contains("%z")
        ? java.time.ZoneOffset.ofTotalSeconds(t.get(java.time.temporal.ChronoField.OFFSET_SECONDS))
        : null;
    return new PyDatetime(LocalDateTime.from(t), offset);
  }
}
