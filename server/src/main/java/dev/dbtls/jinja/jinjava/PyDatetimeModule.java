package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code modules.datetime} as dbt exposes Python's module: {@code date}, {@code datetime}, {@code
 * time}, {@code timedelta} and {@code tzinfo} (dbt's list), callable as constructors and with their
 * common class methods.
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
    PyType date =
        new PyType(
            "date",
            (a, k) ->
                new PyDate(
                    LocalDate.of(i(a, 0, k, "year"), i(a, 1, k, "month"), i(a, 2, k, "day"))),
            Map.of(
                "today",
                (a, k) -> new PyDate(LocalDate.now(PyTzInfo.systemZone())),
                "fromisoformat",
                (a, k) -> new PyDate(LocalDate.parse(PyValues.str(a.get(0)))),
                "fromtimestamp",
                (a, k) -> new PyDate(LocalDate.ofInstant(instant(a.get(0)), PyTzInfo.systemZone())),
                "fromordinal",
                (a, k) ->
                    new PyDate(LocalDate.ofEpochDay(((Number) a.get(0)).longValue() - 719_163L))));
    PyType datetime =
        new PyType(
            "datetime",
            (a, k) ->
                new PyDatetime(
                    LocalDateTime.of(
                        i(a, 0, k, "year"),
                        i(a, 1, k, "month"),
                        i(a, 2, k, "day"),
                        i(a, 3, k, "hour"),
                        i(a, 4, k, "minute"),
                        i(a, 5, k, "second"),
                        i(a, 6, k, "microsecond") * 1000),
                    PyDatetime.tzArg(new Arguments(a, k).arg(7, "tzinfo", null))),
            Map.of(
                "now",
                (a, k) -> at(Instant.now(), new Arguments(a, k).arg(0, "tz", null)),
                "utcnow",
                (a, k) -> new PyDatetime(LocalDateTime.now(ZoneOffset.UTC)),
                "today",
                (a, k) -> new PyDatetime(LocalDateTime.now(PyTzInfo.systemZone())),
                "fromtimestamp",
                (a, k) -> at(instant(a.get(0)), new Arguments(a, k).arg(1, "tz", null)),
                "utcfromtimestamp",
                (a, k) ->
                    new PyDatetime(LocalDateTime.ofInstant(instant(a.get(0)), ZoneOffset.UTC)),
                "combine",
                (a, k) -> combine(new Arguments(a, k)),
                "fromisoformat",
                (a, k) -> fromIso(PyValues.str(a.get(0))),
                "strptime",
                (a, k) ->
                    a.get(0) instanceof AgateTable.EmptyColumns unknown
                        ? unknown
                        : strptime(PyValues.str(a.get(0)), PyValues.str(a.get(1)))));
    PyType time =
        new PyType(
            "time",
            (a, k) ->
                new PyTime(
                    LocalTime.of(
                        zero(a, 0, k, "hour"),
                        zero(a, 1, k, "minute"),
                        zero(a, 2, k, "second"),
                        zero(a, 3, k, "microsecond") * 1000),
                    PyDatetime.tzArg(new Arguments(a, k).arg(4, "tzinfo", null))),
            Map.of(
                "fromisoformat",
                (a, k) -> new PyTime(LocalTime.parse(PyValues.str(a.get(0))), null)));
    PyType timedelta = new PyType("timedelta", (a, k) -> PyTimedelta.of(k, a), Map.of());
    PyType tzinfo =
        new PyType(
            "tzinfo",
            (a, k) -> {
              throw new IllegalArgumentException(
                  "NotImplementedError: tzinfo subclass must override utcoffset()");
            },
            Map.of());
    return new PyObjects(
        "datetime",
        Map.of(
            "date",
            date,
            "datetime",
            datetime,
            "time",
            time,
            "timedelta",
            timedelta,
            "tzinfo",
            tzinfo));
  }

  /** {@code datetime.now(tz)}, {@code fromtimestamp(ts, tz)}: local and naive without a tz. */
  private static PyDatetime at(Instant instant, Object tz) {
    PyTzInfo t = PyDatetime.tzArg(tz);
    return t == null
        ? new PyDatetime(LocalDateTime.ofInstant(instant, PyTzInfo.systemZone()))
        : t.fromUtc(instant);
  }

  private static Instant instant(Object seconds) {
    double s =
        seconds instanceof Number n ? n.doubleValue() : Double.parseDouble(PyValues.str(seconds));
    long whole = (long) Math.floor(s);
    return Instant.ofEpochSecond(whole, Math.round((s - whole) * 1e6) * 1000);
  }

  /** {@code datetime.combine(date, time, tzinfo=time.tzinfo)}. */
  private static PyDatetime combine(Arguments a) {
    Object d = a.arg(0, "date", null);
    Object t = a.arg(1, "time", null);
    if (!(d instanceof PyDate || d instanceof PyDatetime) || !(t instanceof PyTime time)) {
      throw new IllegalArgumentException(
          "TypeError: combine() argument 1 must be datetime.date and argument 2 datetime.time");
    }
    LocalDate day = d instanceof PyDate x ? x.value() : ((PyDatetime) d).value().toLocalDate();
    Object tz =
        a.args().size() > 2 || a.kwargs().containsKey("tzinfo")
            ? a.arg(2, "tzinfo", null)
            : time.tz();
    return new PyDatetime(day.atTime(time.value()), PyDatetime.tzArg(tz));
  }

  /** A time field: 0 when not given. */
  private static int zero(List<Object> a, int index, Map<String, Object> k, String name) {
    Object v = k.containsKey(name) ? k.get(name) : index < a.size() ? a.get(index) : null;
    return v instanceof Number n ? n.intValue() : 0;
  }

  private static int i(List<Object> a, int index, Map<String, Object> k, String name) {
    Object v = k.containsKey(name) ? k.get(name) : index < a.size() ? a.get(index) : null;
    return v instanceof Number n ? n.intValue() : (index < 3 ? 1 : 0);
  }

  /** Python 3.11's fromisoformat: a date, or a date and time with an optional offset or Z. */
  private static PyDatetime fromIso(String s) {
    String t = s.length() > 10 ? s.substring(0, 10) + "T" + s.substring(11) : s;
    java.time.temporal.TemporalAccessor parsed =
        java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(
            t.contains("T") ? t : t + "T00:00",
            java.time.OffsetDateTime::from,
            LocalDateTime::from);
    return parsed instanceof java.time.OffsetDateTime o
        ? new PyDatetime(o.toLocalDateTime(), o.getOffset())
        : new PyDatetime((LocalDateTime) parsed);
  }

  /** Python's strptime directives translated to a java.time pattern. */
  static PyDatetime strptime(String text, String format) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '%' && i + 1 < format.length()) {
        char d = format.charAt(++i);
        p.append(
            switch (d) {
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
              default ->
                  throw new IllegalArgumentException("strptime: unsupported directive %" + d);
            });
      } else if (Character.isLetter(c)) {
        p.append('\'').append(c).append('\'');
      } else {
        p.append(c);
      }
    }
    String pattern = p.toString();
    java.time.format.DateTimeFormatterBuilder b =
        new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern(pattern);
    if (!pattern.contains("hh")) {
      b.parseDefaulting(java.time.temporal.ChronoField.HOUR_OF_DAY, 0);
    }
    java.time.temporal.TemporalAccessor t;
    try {
      t = b.toFormatter(java.util.Locale.ENGLISH).parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      // '%' doubled: Jinjava passes an expression's error message through String.format
      throw new IllegalArgumentException(
          ("time data '" + text + "' does not match format '" + format + "'").replace("%", "%%"));
    }
    java.time.ZoneOffset offset =
        format.contains("%z")
            ? java.time.ZoneOffset.ofTotalSeconds(
                t.get(java.time.temporal.ChronoField.OFFSET_SECONDS))
            : null;
    return new PyDatetime(LocalDateTime.from(t), offset);
  }
}
