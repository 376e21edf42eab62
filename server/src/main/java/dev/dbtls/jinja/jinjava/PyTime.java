package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Python's {@code datetime.time}: fields, isoformat, strftime, replace; prints like str(). */
record PyTime(LocalTime value, PyTzInfo tz) implements PyObject, Comparable<PyTime> {
  @Override
  public Object attr(String name) {
    return switch (name) {
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
      case "isoformat" -> isoformat(value, PyValues.str(a.arg(0, "timespec", "auto"))) + offset();
      case "strftime" ->
          PyDatetime.strftime(
              LocalDate.of(1900, 1, 1).atTime(value), PyValues.str(a.arg(0, "format", "")), tz);
      case "replace" ->
          new PyTime(
              value
                  .withHour(PyDate.intArg(kwargs, "hour", value.getHour()))
                  .withMinute(PyDate.intArg(kwargs, "minute", value.getMinute()))
                  .withSecond(PyDate.intArg(kwargs, "second", value.getSecond()))
                  .withNano(
                      kwargs.get("microsecond") instanceof Number n
                          ? n.intValue() * 1000
                          : value.getNano()),
              kwargs.containsKey("tzinfo") ? PyDatetime.tzArg(kwargs.get("tzinfo")) : tz);
      case "utcoffset" ->
          tz == null || tz.kind() == PyTzInfo.Kind.ZONE && !tz.id().getRules().isFixedOffset()
              ? null
              : new PyTimedelta(tz.offset().getTotalSeconds() * 1_000_000L);
      default -> MISSING;
    };
  }

  /**
   * A time's offset prints only where the tzinfo answers utcoffset(None): not a pytz zone with DST.
   */
  private String offset() {
    return call("utcoffset", List.of(), Map.of()) == null
        ? ""
        : PyDatetime.offsetText(tz.offset(), ":");
  }

  /** {@code HH:MM:SS[.ffffff]} as Python's isoformat with {@code timespec}. */
  static String isoformat(LocalTime t, String timespec) {
    String hms = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int us = t.getNano() / 1000;
    return switch (timespec) {
      case "hours" -> String.format("%02d", t.getHour());
      case "minutes" -> String.format("%02d:%02d", t.getHour(), t.getMinute());
      case "seconds" -> hms;
      case "milliseconds" -> hms + String.format(".%03d", us / 1000);
      case "microseconds" -> hms + String.format(".%06d", us);
      default -> us == 0 ? hms : hms + String.format(".%06d", us);
    };
  }

  @Override
  public int compareTo(PyTime o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return isoformat(value, "auto") + offset();
  }
}
