package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.util.List;
import java.util.Map;

/** Python's {@code datetime.timedelta}, kept in microseconds; prints like str(timedelta). */
record PyTimedelta(long micros) implements PyObject, PyTemporal, Comparable<PyTimedelta> {
  static final long DAY = 86_400_000_000L;

  static PyTimedelta of(Map<String, Object> k, List<Object> a) {
    double us =
        num(a, 0, k, "days") * DAY
            + num(a, 1, k, "seconds") * 1e6
            + num(a, 2, k, "microseconds")
            + num(a, 3, k, "milliseconds") * 1e3
            + num(a, 4, k, "minutes") * 6e7
            + num(a, 5, k, "hours") * 3.6e9
            + num(a, 6, k, "weeks") * 7 * DAY;
    return new PyTimedelta(Math.round(us));
  }

  private static double num(List<Object> a, int i, Map<String, Object> k, String name) {
    Object v = k.containsKey(name) ? k.get(name) : i < a.size() ? a.get(i) : null;
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  long days() {
    return Math.floorDiv(micros, DAY);
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "days" -> days();
      case "seconds" -> Math.floorMod(micros, DAY) / 1_000_000;
      case "microseconds" -> Math.floorMod(micros, 1_000_000L);
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return "total_seconds".equals(method) ? micros / 1e6 : MISSING;
  }

  @Override
  public Object plus(Object other) {
    return other instanceof PyTimedelta t ? new PyTimedelta(micros + t.micros) : null;
  }

  @Override
  public Object minus(Object other) {
    return other instanceof PyTimedelta t ? new PyTimedelta(micros - t.micros) : null;
  }

  @Override
  public int compareTo(PyTimedelta o) {
    return Long.compare(micros, o.micros);
  }

  @Override
  public String toString() {
    long d = days();
    long rest = micros - d * DAY;
    long s = rest / 1_000_000;
    long us = rest % 1_000_000;
    String time =
        String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            + (us == 0 ? "" : String.format(".%06d", us));
    return d == 0 ? time : d + (Math.abs(d) == 1 ? " day, " : " days, ") + time;
  }
}
