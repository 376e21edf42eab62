package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A pytz time zone ({@code modules.pytz.timezone('Europe/Paris')}, {@code modules.pytz.utc}):
 * what {@code datetime.astimezone}, {@code localize} and {@code tzinfo=} take. Prints its name.
 */
record PyTimezone(ZoneId zone, String name) implements PyObject {
  static final PyTimezone UTC = new PyTimezone(ZoneOffset.UTC, "UTC");

  /** {@code modules.pytz}: {@code timezone(name)}, {@code utc}, {@code UTC}. */
  static PyObject module() {
    JinjaCallable timezone = (a, k) -> of(PyValues.str(a.isEmpty() ? k.get("zone") : a.get(0)));
    return new PyObjects("pytz", Map.of("timezone", timezone, "utc", UTC, "UTC", UTC));
  }

  static PyTimezone of(String name) {
    if (name.equals("UTC") || name.equals("utc")) {
      return UTC;
    }
    try {
      return new PyTimezone(ZoneId.of(name), name);
    } catch (DateTimeException e) {
      // what pytz raises: UnknownTimeZoneError('Mars/Base')
      throw new IllegalArgumentException("UnknownTimeZoneError: '" + name + "'");
    }
  }

  /** The zone's UTC offset at a wall-clock time of the zone. */
  ZoneOffset offsetAt(LocalDateTime local) {
    return zone.getRules().getOffset(local);
  }

  @Override
  public Object attr(String key) {
    return "zone".equals(key) ? name : MISSING;
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      // tz.localize(naive): the same wall-clock time, in this zone
      case "localize" -> args.get(0) instanceof PyDatetime d
          ? new PyDatetime(d.value(), offsetAt(d.value())) : MISSING;
      case "normalize" -> args.get(0) instanceof PyDatetime d ? d.astimezone(this) : MISSING;
      default -> MISSING;
    };
  }

  @Override
  public String toString() {
    return name;
  }
}
