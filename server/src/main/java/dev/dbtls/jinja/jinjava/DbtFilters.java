package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.Jinjava;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Filters and tests whose Jinjava versions differ from Jinja2 in ways dbt code notices. */
final class DbtFilters {
  private DbtFilters() {}

  /** Python's str.strip(chars): the given characters, or whitespace when none are given. */
  static String strip(String s, Object chars) {
    String set = chars == null || chars instanceof Undefined ? null : PyValues.str(chars);
    int from = 0;
    int to = s.length();
    while (from < to
        && (set == null
            ? Character.isWhitespace(s.charAt(from))
            : set.indexOf(s.charAt(from)) >= 0)) {
      from++;
    }
    while (to > from
        && (set == null
            ? Character.isWhitespace(s.charAt(to - 1))
            : set.indexOf(s.charAt(to - 1)) >= 0)) {
      to--;
    }
    return s.substring(from, to);
  }

  static void register(Jinjava j) {
    j.registerFilter(new MapFilter());
    j.registerFilter(new SelectFilter("select", true, false));
    j.registerFilter(new SelectFilter("reject", false, false));
    j.registerFilter(new SelectFilter("selectattr", true, true));
    j.registerFilter(new SelectFilter("rejectattr", false, true));
    j.registerFilter(
        new PyFilter(
            "default",
            (v, a) -> {
              boolean bool = PyValues.truthy(a.arg(1, "boolean", false));
              boolean missing = v instanceof Undefined || (bool && !PyValues.truthy(v));
              return missing ? a.arg(0, "default_value", "") : v;
            }));
    j.registerFilter(
        new PyFilter("d", (v, a) -> v instanceof Undefined ? a.arg(0, "default_value", "") : v));
    j.registerFilter(new PyFilter("tojson", (v, a) -> htmlSafe(PyValues.json(v, true))));
    j.registerFilter(new PyFilter("string", (v, a) -> PyValues.str(v)));
    j.registerFilter(
        new PyFilter("lower", (v, a) -> PyValues.str(v).toLowerCase(java.util.Locale.ROOT)));
    j.registerFilter(
        new PyFilter("trim", (v, a) -> strip(PyValues.str(v), a.arg(0, "chars", null))));
    j.registerFilter(
        new PyFilter("upper", (v, a) -> PyValues.str(v).toUpperCase(java.util.Locale.ROOT)));
    j.registerFilter(
        new PyFilter(
            "join",
            (v, a) -> {
              String sep = PyValues.str(a.arg(0, "d", ""));
              Object attribute = a.arg(1, "attribute", null);
              StringBuilder b = new StringBuilder();
              boolean first = true;
              for (Object o : PyMethods.toList(v)) {
                Object x =
                    attribute == null
                        ? o
                        : o instanceof Map<?, ?> m ? m.get(String.valueOf(attribute)) : o;
                b.append(first ? "" : sep).append(PyValues.str(x));
                RenderLimits.length(b.length(), "the string filter 'join' builds");
                first = false;
              }
              return b.toString();
            }));
    j.registerFilter(new PyFilter("sort", DbtFilters::sort));
    j.registerFilter(
        new PyFilter(
            "dictsort",
            (v, a) -> {
              boolean caseSensitive = PyValues.truthy(a.arg(0, "case_sensitive", false));
              boolean byValue = "value".equals(PyValues.str(a.arg(1, "by", "key")));
              boolean reverse = PyValues.truthy(a.arg(2, "reverse", false));
              List<Object> items = new java.util.ArrayList<>();
              if (v instanceof Map<?, ?> m) {
                m.forEach((k, x) -> items.add(new PyTuple(java.util.Arrays.asList(k, x))));
              }
              java.util.Comparator<Object> order =
                  (x, y) ->
                      compare(
                          key(((List<?>) x).get(byValue ? 1 : 0), null, caseSensitive),
                          key(((List<?>) y).get(byValue ? 1 : 0), null, caseSensitive));
              items.sort(reverse ? order.reversed() : order);
              return items;
            }));
    j.registerFilter(
        new PyFilter(
            "sum",
            (v, a) -> {
              Object attribute = a.arg(0, "attribute", null);
              Object total = a.arg(1, "start", 0L);
              for (Object o : PyMethods.toList(v)) {
                total = add(total, key(o, attribute, true));
              }
              return total;
            }));
    j.registerFilter(new PyFilter("max", (v, a) -> extreme(v, a, 1)));
    j.registerFilter(new PyFilter("min", (v, a) -> extreme(v, a, -1)));
    j.registerFilter(
        new PyFilter(
            "first",
            (v, a) -> {
              List<Object> l = PyMethods.toList(v);
              return l.isEmpty() ? Undefined.INSTANCE : l.get(0);
            }));
    j.registerFilter(
        new PyFilter(
            "last",
            (v, a) -> {
              List<Object> l = PyMethods.toList(v);
              return l.isEmpty() ? Undefined.INSTANCE : l.get(l.size() - 1);
            }));
    j.registerFilter(
        new PyFilter(
            "batch",
            (v, a) -> {
              int size = ((Number) a.arg(0, "linecount", 1)).intValue();
              Object fill = a.arg(1, "fill_with", null);
              boolean filling = a.args().size() > 1 || a.kwargs().containsKey("fill_with");
              List<Object> out = new java.util.ArrayList<>();
              List<Object> cur = new java.util.ArrayList<>();
              for (Object o : PyMethods.toList(v)) {
                cur.add(o);
                if (cur.size() == size) {
                  out.add(cur);
                  cur = new java.util.ArrayList<>();
                }
              }
              if (!cur.isEmpty()) {
                while (filling && cur.size() < size) {
                  cur.add(fill);
                }
                out.add(cur);
              }
              return out;
            }));
    j.registerFilter(new PyFilter("round", (v, a) -> round(v, a)));
    j.registerFilter(
        new PyFilter(
            "unique",
            (v, a) -> {
              boolean caseSensitive = PyValues.truthy(a.arg(0, "case_sensitive", false));
              Object attribute = a.arg(1, "attribute", null);
              java.util.Set<Object> seen = new java.util.HashSet<>();
              List<Object> out = new java.util.ArrayList<>();
              for (Object o : PyMethods.toList(v)) {
                if (seen.add(key(o, attribute, caseSensitive))) {
                  out.add(o);
                }
              }
              return out;
            }));
    j.registerFilter(
        new PyFilter(
            "truncate",
            (v, a) -> {
              String s = PyValues.str(v);
              int length = ((Number) a.arg(0, "length", 255L)).intValue();
              boolean killwords = PyValues.truthy(a.arg(1, "killwords", false));
              String end = PyValues.str(a.arg(2, "end", "..."));
              Object leewayArg = a.arg(3, "leeway", null);
              int leeway = leewayArg instanceof Number n ? n.intValue() : 5;
              if (s.length() <= length + leeway) {
                return s;
              }
              String cut = s.substring(0, Math.max(0, length - end.length()));
              if (!killwords && cut.lastIndexOf(' ') >= 0) {
                cut = cut.substring(0, cut.lastIndexOf(' '));
              }
              return cut + end;
            }));
    j.registerFilter(
        new PyFilter(
            "attr",
            (v, a) -> {
              Object r =
                  v instanceof dev.dbtls.jinja.PyObject p
                      ? p.attr(PyValues.str(a.arg(0, "name", "")))
                      : dev.dbtls.jinja.PyObject.MISSING;
              return r == dev.dbtls.jinja.PyObject.MISSING ? Undefined.INSTANCE : r;
            }));
    j.registerFilter(
        new PyFilter(
            "items",
            (v, a) -> {
              List<Object> out = new java.util.ArrayList<>();
              if (v instanceof Map<?, ?> m) {
                m.forEach((k, x) -> out.add(new PyTuple(java.util.Arrays.asList(k, x))));
              }
              return out;
            }));
    j.registerFilter(new PyFilter("list", (v, a) -> PyMethods.toList(v)));
    j.registerFilter(new PyFilter("as_text", (v, a) -> v == null ? "" : PyValues.str(v)));
    j.registerFilter(
        new PyFilter(
            "as_bool",
            (v, a) ->
                v instanceof String s
                    ? (s.equalsIgnoreCase("true")
                        ? Boolean.TRUE
                        : s.equalsIgnoreCase("false") ? Boolean.FALSE : v)
                    : v));
    j.registerFilter(new PyFilter("as_number", (v, a) -> number(v)));
    j.registerFilter(new PyFilter("as_native", (v, a) -> native_(v)));
    j.registerFilter(new PyFilter("length", (v, a) -> (long) length(v)));
    j.registerFilter(new PyFilter("count", (v, a) -> (long) length(v)));

    j.registerExpTest(new PyTest("defined", v -> !(v instanceof Undefined)));
    j.registerExpTest(new PyTest("undefined", v -> v instanceof Undefined));
    j.registerExpTest(new PyTest("none", v -> v == null));
    j.registerExpTest(
        new PyTest(
            "iterable",
            v ->
                v instanceof Collection
                    || v instanceof Map
                    || v instanceof String
                    || v instanceof Iterable));
    j.registerExpTest(new PyTest("number", v -> v instanceof Number || v instanceof Boolean));
    j.registerExpTest(new PyTest("string", v -> v instanceof String));
    // dbt's relations are Mappings too (FakeAPIObject)
    j.registerExpTest(
        new PyTest("mapping", v -> v instanceof Map || v instanceof dev.dbtls.jinja.Relation));
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
    return json.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027");
  }

  private static Object add(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      boolean integral =
          !(x instanceof Double
              || x instanceof Float
              || x instanceof java.math.BigDecimal
              || y instanceof Double
              || y instanceof Float
              || y instanceof java.math.BigDecimal);
      return integral
          ? (Object) (x.longValue() + y.longValue())
          : (Object) (x.doubleValue() + y.doubleValue());
    }
    return a;
  }

  private static Object extreme(Object v, Arguments a, int sign) {
    Object attribute = a.arg(1, "attribute", null);
    boolean caseSensitive = PyValues.truthy(a.arg(0, "case_sensitive", false));
    Object best = Undefined.INSTANCE;
    Object bestKey = null;
    for (Object o : PyMethods.toList(v)) {
      Object k = key(o, attribute, caseSensitive);
      if (best instanceof Undefined || sign * compare(k, bestKey) > 0) {
        best = o;
        bestKey = k;
      }
    }
    return best;
  }

  /** Python's round(): half to even on the exact binary value; floor and ceil as asked. */
  private static Object round(Object v, Arguments a) {
    if (!(v instanceof Number n)) {
      return v;
    }
    int precision = ((Number) a.arg(0, "precision", 0L)).intValue();
    String method = PyValues.str(a.arg(1, "method", "common"));
    java.math.RoundingMode mode =
        switch (method) {
          case "floor" -> java.math.RoundingMode.FLOOR;
          case "ceil" -> java.math.RoundingMode.CEILING;
          default -> java.math.RoundingMode.HALF_EVEN;
        };
    return new java.math.BigDecimal(n.doubleValue()).setScale(precision, mode).doubleValue();
  }

  /** Jinja2's sort(value, reverse=False, case_sensitive=False, attribute=None). */
  private static Object sort(Object v, Arguments a) {
    boolean reverse = PyValues.truthy(a.arg(0, "reverse", false));
    boolean caseSensitive = PyValues.truthy(a.arg(1, "case_sensitive", false));
    Object attribute = a.arg(2, "attribute", null);
    List<Object> items = PyMethods.toList(v);
    java.util.Comparator<Object> order =
        (x, y) -> compare(key(x, attribute, caseSensitive), key(y, attribute, caseSensitive));
    items.sort(reverse ? order.reversed() : order);
    return items;
  }

  private static Object key(Object item, Object attribute, boolean caseSensitive) {
    Object k =
        attribute == null
            ? item
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
