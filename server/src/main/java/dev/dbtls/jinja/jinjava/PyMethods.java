package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The methods of Python's str, list and dict that dbt code calls, plus PyObject dispatch. */
final class PyMethods {
  static final Object NOT_FOUND = new Object();

  private PyMethods() {}

  static Object call(Object base, String m, Arguments a) {
    if (base instanceof PyObject p) {
      Object r = p.call(m, a.args(), a.kwargs());
      return r == PyObject.MISSING ? NOT_FOUND : r;
    }
    if (base instanceof String s) {
      return string(s, m, a);
    }
    if (base instanceof List<?> l) {
      return list(cast(l), m, a);
    }
    if (base instanceof Map<?, ?> d) {
      return dict(castMap(d), m, a);
    }
    if (base instanceof Set<?> s) {
      return set(castSet(s), m, a);
    }
    return NOT_FOUND;
  }

  private static Object string(String s, String m, Arguments a) {
    List<Object> x = a.args();
    return switch (m) {
      case "upper" -> s.toUpperCase(Locale.ROOT);
      case "lower" -> s.toLowerCase(Locale.ROOT);
      case "strip" -> strip(s, x.isEmpty() ? null : str(x.get(0)), true, true);
      case "lstrip" -> strip(s, x.isEmpty() ? null : str(x.get(0)), true, false);
      case "rstrip" -> strip(s, x.isEmpty() ? null : str(x.get(0)), false, true);
      case "split" ->
          split(
              s,
              x.isEmpty() ? null : str(x.get(0)),
              x.size() > 1 ? ((Number) x.get(1)).intValue() : -1);
      case "replace" -> replace(s, str(x.get(0)), str(x.get(1)));
      case "startswith" -> startsOrEnds(s, x.get(0), true);
      case "endswith" -> startsOrEnds(s, x.get(0), false);
      case "format" -> PyFormat.format(s, a.args(), a.kwargs());
      case "join" -> join(s, x.get(0));
      case "title" -> title(s);
      case "capitalize" ->
          s.isEmpty()
              ? s
              : s.substring(0, 1).toUpperCase(Locale.ROOT)
                  + s.substring(1).toLowerCase(Locale.ROOT);
      case "find" -> s.indexOf(str(x.get(0)));
      case "rfind", "rindex" -> s.lastIndexOf(str(x.get(0)));
      case "index" -> s.indexOf(str(x.get(0)));
      case "count" -> count(s, str(x.get(0)));
      case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
      case "isupper" ->
          !s.equals(s.toLowerCase(Locale.ROOT)) && s.equals(s.toUpperCase(Locale.ROOT));
      case "islower" ->
          !s.equals(s.toUpperCase(Locale.ROOT)) && s.equals(s.toLowerCase(Locale.ROOT));
      case "splitlines" -> new ArrayList<Object>(Arrays.asList(s.split("\r?\n", -1)));
      case "zfill" -> zfill(s, ((Number) x.get(0)).intValue());
      default -> NOT_FOUND;
    };
  }

  private static Object list(List<Object> l, String m, Arguments a) {
    List<Object> x = a.args();
    switch (m) {
      case "append" -> {
        l.add(x.get(0));
        return null;
      }
      case "extend" -> {
        l.addAll(toList(x.get(0)));
        return null;
      }
      case "insert" -> {
        int i = ((Number) x.get(0)).intValue();
        l.add(Math.max(0, Math.min(l.size(), i < 0 ? i + l.size() : i)), x.get(1));
        return null;
      }
      case "pop" -> {
        int i = x.isEmpty() ? l.size() - 1 : ((Number) x.get(0)).intValue();
        return l.remove(i < 0 ? i + l.size() : i);
      }
      case "remove" -> {
        l.remove(x.get(0));
        return null;
      }
      case "index" -> {
        return l.indexOf(x.get(0));
      }
      case "count" -> {
        return (long) java.util.Collections.frequency(l, x.get(0));
      }
      case "reverse" -> {
        java.util.Collections.reverse(l);
        return null;
      }
      case "copy" -> {
        return new ArrayList<>(l);
      }
      default -> {
        return NOT_FOUND;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object dict(Map<Object, Object> dict, String m, Arguments a) {
    // Jinjava wraps a dict it stores in a PyMap typed for string keys; Python dicts take any
    // key (dbt_utils keys columns by relation): work on the map inside
    Object raw = dict;
    Map<Object, Object> d =
        raw instanceof com.hubspot.jinjava.objects.collections.PyMap p
            ? (Map<Object, Object>) (Map<?, ?>) p.toMap()
            : dict;
    List<Object> x = a.args();
    switch (m) {
      case "items" -> {
        List<Object> out = new ArrayList<>();
        d.forEach((k, v) -> out.add(new PyTuple(Arrays.asList(k, v))));
        return PyView.of("dict_items", out);
      }
      case "keys" -> {
        return PyView.of("dict_keys", d.keySet());
      }
      case "values" -> {
        return PyView.of("dict_values", d.values());
      }
      case "get" -> {
        Object k = x.isEmpty() ? null : x.get(0);
        return d.containsKey(k) ? d.get(k) : x.size() > 1 ? x.get(1) : a.kwargs().get("default");
      }
      case "update" -> {
        if (!x.isEmpty() && x.get(0) instanceof Map<?, ?> other) {
          other.forEach(d::put);
        }
        d.putAll(a.kwargs());
        return null;
      }
      case "pop" -> {
        Object k = x.get(0);
        if (d.containsKey(k)) {
          return d.remove(k);
        }
        return x.size() > 1 ? x.get(1) : null;
      }
      case "setdefault" -> {
        Object k = x.get(0);
        if (!d.containsKey(k)) {
          d.put(k, x.size() > 1 ? x.get(1) : null);
        }
        return d.get(k);
      }
      case "copy" -> {
        return new LinkedHashMap<>(d);
      }
      default -> {
        return NOT_FOUND;
      }
    }
  }

  private static Object set(Set<Object> s, String m, Arguments a) {
    switch (m) {
      case "add" -> {
        s.add(a.args().get(0));
        return null;
      }
      case "update" -> {
        s.addAll(toList(a.args().get(0)));
        return null;
      }
      default -> {
        return NOT_FOUND;
      }
    }
  }

  static List<Object> toList(Object o) {
    if (o == null || o instanceof Undefined) {
      return new ArrayList<>();
    }
    if (o instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (o instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (o instanceof String s) {
      List<Object> out = new ArrayList<>();
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    if (o instanceof Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.forEach(out::add);
      return out;
    }
    if (o instanceof Iterator<?> it) {
      List<Object> out = new ArrayList<>();
      it.forEachRemaining(out::add);
      return out;
    }
    if (o.getClass().isArray()) {
      return new ArrayList<>(Arrays.asList((Object[]) o));
    }
    return new ArrayList<>(List.of(o));
  }

  static String typeName(Object o) {
    if (o == null) {
      return "NoneType";
    }
    if (o instanceof Undefined) {
      return "Undefined";
    }
    if (o instanceof String) {
      return "str";
    }
    if (o instanceof Boolean) {
      return "bool";
    }
    if (o instanceof Integer || o instanceof Long) {
      return "int";
    }
    if (o instanceof Number) {
      return "float";
    }
    if (o instanceof Map) {
      return "dict";
    }
    if (o instanceof PyTuple) {
      return "tuple";
    }
    if (o instanceof List) {
      return "list";
    }
    return PyMessage.of(o.getClass().getName());
  }

  private static String str(Object o) {
    return PyValues.str(o);
  }

  private static String strip(String s, String chars, boolean left, boolean right) {
    int a = 0;
    int z = s.length();
    while (left
        && a < z
        && (chars == null
            ? Character.isWhitespace(s.charAt(a))
            : chars.indexOf(s.charAt(a)) >= 0)) {
      a++;
    }
    while (right
        && z > a
        && (chars == null
            ? Character.isWhitespace(s.charAt(z - 1))
            : chars.indexOf(s.charAt(z - 1)) >= 0)) {
      z--;
    }
    return s.substring(a, z);
  }

  private static List<Object> split(String s, String sep, int max) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      for (String p : s.trim().split("\\s+", max < 0 ? 0 : max + 1)) {
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
      return out;
    }
    int from = 0;
    int n = 0;
    while (max < 0 || n < max) {
      int i = s.indexOf(sep, from);
      if (i < 0) {
        break;
      }
      out.add(s.substring(from, i));
      from = i + sep.length();
      n++;
    }
    out.add(s.substring(from));
    return out;
  }

  private static boolean startsOrEnds(String s, Object prefix, boolean start) {
    if (prefix instanceof Collection<?> options) {
      for (Object o : options) {
        if (start ? s.startsWith(str(o)) : s.endsWith(str(o))) {
          return true;
        }
      }
      return false;
    }
    return start ? s.startsWith(str(prefix)) : s.endsWith(str(prefix));
  }

  /** str.replace, refused before it is built when the result could pass the string limit. */
  private static String replace(String s, String old, String with) {
    if (with.length() > old.length()) {
      long most = old.isEmpty() ? s.length() + 1L : s.length() / old.length();
      RenderLimits.length(
          s.length() + RenderLimits.times(most, with.length() - old.length()),
          "the string .replace() builds");
    }
    return s.replace(old, with);
  }

  private static String join(String sep, Object items) {
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (Object o : toList(items)) {
      b.append(first ? "" : sep).append(str(o));
      RenderLimits.length(b.length(), "the string .join() builds");
      first = false;
    }
    return b.toString();
  }

  private static String title(String s) {
    StringBuilder b = new StringBuilder();
    boolean up = true;
    for (char c : s.toCharArray()) {
      b.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
      up = !Character.isLetter(c);
    }
    return b.toString();
  }

  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.length() + 1L;
    }
    long n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
      n++;
    }
    return n;
  }

  private static String zfill(String s, int width) {
    RenderLimits.length(width, "the string .zfill() builds");
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> cast(List<?> l) {
    return (List<Object>) l;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> castMap(Map<?, ?> m) {
    return (Map<Object, Object>) m;
  }

  @SuppressWarnings("unchecked")
  private static Set<Object> castSet(Set<?> s) {
    return (Set<Object>) s;
  }
}
