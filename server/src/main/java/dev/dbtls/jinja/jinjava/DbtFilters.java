package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.Jinjava;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Filters and tests whose Jinjava versions differ from Jinja2 in ways dbt code notices. */
final class DbtFilters {
  private DbtFilters() {}

  static void register(Jinjava j) {
    j.registerFilter(new PyFilter("default", (v, a) -> {
      boolean bool = PyValues.truthy(a.arg(1, "boolean", false));
      boolean missing = v instanceof Undefined || (bool && !PyValues.truthy(v));
      return missing ? a.arg(0, "default_value", "") : v;
    }));
    j.registerFilter(new PyFilter("d", (v, a) -> v instanceof Undefined ? a.arg(0, "default_value", "") : v));
    j.registerFilter(new PyFilter("tojson", (v, a) -> htmlSafe(PyValues.json(v, true))));
    j.registerFilter(new PyFilter("string", (v, a) -> PyValues.str(v)));
    j.registerFilter(new PyFilter("join", (v, a) -> {
      String sep = PyValues.str(a.arg(0, "d", ""));
      Object attribute = a.arg(1, "attribute", null);
      StringBuilder b = new StringBuilder();
      boolean first = true;
      for (Object o : PyMethods.toList(v)) {
        Object x = attribute == null ? o : o instanceof Map<?, ?> m ? m.get(String.valueOf(attribute)) : o;
        b.append(first ? "" : sep).append(PyValues.str(x));
        first = false;
      }
      return b.toString();
    }));
    j.registerFilter(new PyFilter("sort", DbtFilters::sort));
    j.registerFilter(new PyFilter("list", (v, a) -> PyMethods.toList(v)));
    j.registerFilter(new PyFilter("as_text", (v, a) -> v == null ? "" : PyValues.str(v)));
    j.registerFilter(new PyFilter("as_bool", (v, a) -> v instanceof String s
        ? (s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : v) : v));
    j.registerFilter(new PyFilter("as_number", (v, a) -> number(v)));
    j.registerFilter(new PyFilter("as_native", (v, a) -> native_(v)));
    j.registerFilter(new PyFilter("length", (v, a) -> (long) length(v)));
    j.registerFilter(new PyFilter("count", (v, a) -> (long) length(v)));

    j.registerExpTest(new PyTest("defined", v -> !(v instanceof Undefined)));
    j.registerExpTest(new PyTest("undefined", v -> v instanceof Undefined));
    j.registerExpTest(new PyTest("none", v -> v == null));
    j.registerExpTest(new PyTest("iterable", v -> v instanceof Collection || v instanceof Map
        || v instanceof String || v instanceof Iterable));
    j.registerExpTest(new PyTest("number", v -> v instanceof Number || v instanceof Boolean));
    j.registerExpTest(new PyTest("string", v -> v instanceof String));
    j.registerExpTest(new PyTest("mapping", v -> v instanceof Map));
    j.registerExpTest(new PyTest("sequence", v -> v instanceof List || v instanceof String));
  }

  private static int length(Object v) {
    if (v instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (v instanceof Collection<?> c) {
      return c.size();
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    return 0;
  }

  private static Object number(Object v) {
    if (!(v instanceof String s)) {
      return v;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e2) {
        return v;
      }
    }
  }

  private static Object native_(Object v) {
    if (!(v instanceof String s)) {
      return v;
    }
    String t = s.trim();
    if (t.equals("True") || t.equals("False")) {
      return t.equals("True");
    }
    if (t.equals("None")) {
      return null;
    }
    Object n = number(t);
    return n instanceof Number ? n : v;
  }

  private static String htmlSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("'", "\\u0027");
  }

  /** Jinja2's sort(value, reverse=False, case_sensitive=False, attribute=None). */
  private static Object sort(Object v, Arguments a) {
    boolean reverse = PyValues.truthy(a.arg(0, "reverse", false));
    boolean caseSensitive = PyValues.truthy(a.arg(1, "case_sensitive", false));
    Object attribute = a.arg(2, "attribute", null);
    List<Object> items = PyMethods.toList(v);
    java.util.Comparator<Object> order = (x, y) -> compare(key(x, attribute, caseSensitive),
        key(y, attribute, caseSensitive));
    items.sort(reverse ? order.reversed() : order);
    return items;
  }

  private static Object key(Object item, Object attribute, boolean caseSensitive) {
    Object k = attribute == null ? item
        : item instanceof Map<?, ?> m ? m.get(String.valueOf(attribute)) : item;
    return !caseSensitive && k instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : k;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object x, Object y) {
    if (x instanceof Number a && y instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (x instanceof Comparable c && y != null && x.getClass() == y.getClass()) {
      return c.compareTo(y);
    }
    return String.valueOf(x).compareTo(String.valueOf(y));
  }
}
