package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code modules.pytz} as dbt exposes it (the names of {@code pytz.__all__}): {@code timezone},
 * {@code utc}, {@code FixedOffset} and the zone lists, from the JVM's copy of the tz database.
 * {@code UTC} is not among them, as in dbt.
 */
final class PytzModule {
  private PytzModule() {}

  static PyObject module() {
    List<String> all =
        ZoneId.getAvailableZoneIds().stream()
            .filter(z -> !z.startsWith("SystemV/"))
            .sorted()
            .toList();
    // pytz's common list: the canonical Area/City names, without the backward-compatible aliases
    List<String> common =
        all.stream()
            .filter(
                z ->
                    z.contains("/")
                        && !z.startsWith("Etc/")
                        && !z.startsWith("US/")
                        && !z.startsWith("Brazil/")
                        && !z.startsWith("Canada/")
                        && !z.startsWith("Chile/")
                        && !z.startsWith("Mexico/"))
            .toList();
    return new PyObjects(
        "pytz",
        Map.of(
            "timezone",
            (JinjaCallable)
                (a, k) -> PyTzInfo.timezone(PyValues.str(new Arguments(a, k).arg(0, "zone", ""))),
            "utc",
            PyTzInfo.UTC_TZ,
            "FixedOffset",
            (JinjaCallable)
                (a, k) ->
                    PyTzInfo.fixedOffset(
                        ((Number) new Arguments(a, k).arg(0, "offset", 0L)).intValue()),
            "all_timezones",
            all,
            "all_timezones_set",
            new LinkedHashSet<>(all),
            "common_timezones",
            common,
            "common_timezones_set",
            new LinkedHashSet<>(common)));
  }
}
