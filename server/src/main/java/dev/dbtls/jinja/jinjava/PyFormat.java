package dev.dbtls.jinja.jinjava;

import java.util.List;
import java.util.Map;

/** Python's {@code str.format} ({@code {}}, {@code {0}}, {@code {name}}) and {@code %} formatting. */
final class PyFormat {
  private PyFormat() {}

  static String format(String s, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder b = new StringBuilder();
    int auto = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        b.append('{');
        i++;
      } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
        b.append('}');
        i++;
      } else if (c == '{') {
        int end = s.indexOf('}', i);
        if (end < 0) {
          b.append(s.substring(i));
          break;
        }
        String field = s.substring(i + 1, end);
        int colon = field.indexOf(':');
        String key = colon >= 0 ? field.substring(0, colon) : field;
        Object v;
        if (key.isEmpty()) {
          v = auto < args.size() ? args.get(auto) : "";
          auto++;
        } else if (key.chars().allMatch(Character::isDigit)) {
          int k = Integer.parseInt(key);
          v = k < args.size() ? args.get(k) : "";
        } else {
          v = kwargs.getOrDefault(key, "");
        }
        b.append(PyValues.str(v));
        i = end;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code '%s-%d' % (a, b)}: the conversions dbt code uses. */
  static String percent(String s, Object operand) {
    List<Object> values = operand instanceof PyTuple t ? t : List.of(operand == null ? "None" : operand);
    StringBuilder b = new StringBuilder();
    int next = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char t = s.charAt(++i);
      if (t == '%') {
        b.append('%');
        continue;
      }
      Object v = next < values.size() ? values.get(next++) : "";
      switch (t) {
        case 'd', 'i' -> b.append(v instanceof Number n ? String.valueOf(n.longValue()) : PyValues.str(v));
        case 'r' -> b.append(PyValues.repr(v));
        default -> b.append(PyValues.str(v));
      }
    }
    return b.toString();
  }
}
