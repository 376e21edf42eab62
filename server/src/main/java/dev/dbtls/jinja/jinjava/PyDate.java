package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Python's {@code datetime.date}: fields, isoformat, strftime, replace, arithmetic; prints ISO. */
record PyDate(LocalDate value) implements PyObject, PyTemporal, Comparable<PyDate> {
  @Override
  public Object attr(String name) {
    return switch (name) {
      case "year" -> (long) value.getYear();
      case "month" -> (long) value.getMonthValue();
      case "day" -> (long) value.getDayOfMonth();
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "isoformat" -> value.toString();
      case "strftime" ->
          PyDatetime.strftime(
              value.atStartOfDay(), args.isEmpty() ? "" : PyValues.str(args.get(0)), null);
      case "weekday" -> (long) value.getDayOfWeek().getValue() - 1;
      case "isoweekday" -> (long) value.getDayOfWeek().getValue();
      case "replace" ->
          new PyDate(
              LocalDate.of(
                  intArg(kwargs, "year", value.getYear()),
                  intArg(kwargs, "month", value.getMonthValue()),
                  intArg(kwargs, "day", value.getDayOfMonth())));
      case "toordinal" -> value.toEpochDay() + 719_163L;
      default -> MISSING;
    };
  }

  static int intArg(Map<String, Object> kwargs, String key, int fallback) {
    return kwargs.get(key) instanceof Number n ? n.intValue() : fallback;
  }

  @Override
  public Object plus(Object other) {
    return other instanceof PyTimedelta t ? new PyDate(value.plusDays(t.days())) : null;
  }

  @Override
  public Object minus(Object other) {
    if (other instanceof PyTimedelta t) {
      return new PyDate(value.minusDays(t.days()));
    }
    if (other instanceof PyDate d) {
      return new PyTimedelta(ChronoUnit.DAYS.between(d.value, value) * PyTimedelta.DAY);
    }
    return null;
  }

  @Override
  public int compareTo(PyDate o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
