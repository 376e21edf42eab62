package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** How Python prints values: str() for output, repr() inside containers, json.dumps(). */
final class PyValues {
  private PyValues() {}

  static String str(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Undefined || v instanceof SafeString) {
      return v.toString();
    }
    return repr(v);
  }

  static String repr(Object v) {
    StringBuilder b = new StringBuilder();
    repr(v, b);
    return b.toString();
  }

  private static void repr(Object v, StringBuilder b) {
    if (v == null) {
      b.append("None");
    } else if (v instanceof Boolean x) {
      b.append(x ? "True" : "False");
    } else if (v instanceof String s) {
      quote(s, b);
    } else if (v instanceof SafeString s) {
      quote(s.toString(), b);
    } else if (v instanceof Double || v instanceof Float) {
      b.append(floatRepr(((Number) v).doubleValue()));
    } else if (v instanceof BigDecimal d) {
      b.append(floatRepr(d.doubleValue()));
    } else if (v instanceof Namespace ns) {
      b.append("<Namespace ");
      repr(new java.util.LinkedHashMap<>(ns), b);
      b.append('>');
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(first ? "" : ", ");
        first = false;
        repr(e.getKey(), b);
        b.append(": ");
        repr(e.getValue(), b);
      }
      b.append('}');
    } else if (v instanceof Set<?> s) {
      items(s, b, s.isEmpty() ? "set(" : "{", s.isEmpty() ? ")" : "}");
    } else if (v instanceof PyView view) {
      b.append(view);
    } else if (v instanceof PyTuple t) {
      items(t, b, "(", t.size() == 1 ? ",)" : ")");
    } else if (v instanceof Collection<?> c) {
      items(c, b, "[", "]");
    } else {
      b.append(v);
    }
  }

  private static void items(Collection<?> c, StringBuilder b, String open, String close) {
    b.append(open);
    boolean first = true;
    for (Object o : c) {
      b.append(first ? "" : ", ");
      first = false;
      repr(o, b);
    }
    b.append(close);
  }

  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    // Python's repr: the shortest digits (Java finds the same), fixed notation for 1e-4 <= |d| <
    // 1e16
    java.math.BigDecimal b =
        new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    int exponent = digits.length() - 1 - b.scale();
    String sign = d < 0 ? "-" : "";
    if (exponent >= -5 + 1 && exponent < 16) {
      String plain = b.toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (Math.abs(exponent) < 10 ? "0" : "")
        + Math.abs(exponent);
  }

  private static void quote(String s, StringBuilder b) {
    char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    b.append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c == q) {
            b.append('\\');
          }
          b.append(c);
        }
      }
    }
    b.append(q);
  }

  /** Python's json.dumps with its default separators; sortKeys as Jinja's tojson filter does. */
  static String json(Object v, boolean sortKeys) {
    StringBuilder b = new StringBuilder();
    json(v, sortKeys, b);
    return b.toString();
  }

  private static void json(Object v, boolean sortKeys, StringBuilder b) {
    if (v == null || v instanceof Undefined) {
      b.append("null");
    } else if (v instanceof Boolean x) {
      b.append(x ? "true" : "false");
    } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      b.append(
          floatRepr(((Number) v).doubleValue()).replace("inf", "Infinity").replace("nan", "NaN"));
    } else if (v instanceof Number n) {
      b.append(n);
    } else if (v instanceof Map<?, ?> m) {
      Map<?, ?> sorted = sortKeys ? new TreeMap<>(stringKeys(m)) : m;
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : sorted.entrySet()) {
        b.append(first ? "" : ", ");
        first = false;
        jsonString(String.valueOf(e.getKey()), b);
        b.append(": ");
        json(e.getValue(), sortKeys, b);
      }
      b.append('}');
    } else if (v instanceof Collection<?> c) {
      b.append('[');
      Iterator<?> it = c.iterator();
      while (it.hasNext()) {
        json(it.next(), sortKeys, b);
        if (it.hasNext()) {
          b.append(", ");
        }
      }
      b.append(']');
    } else {
      jsonString(v.toString(), b);
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), x));
    return out;
  }

  private static void jsonString(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  static boolean truthy(Object o) {
    if (o instanceof String s) {
      return !s.isEmpty(); // Jinjava also calls "false" false; Python doesn't
    }
    return com.hubspot.jinjava.util.ObjectTruthValue.evaluate(o);
  }
}
