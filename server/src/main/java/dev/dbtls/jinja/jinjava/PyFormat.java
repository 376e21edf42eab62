package dev.dbtls.jinja.jinjava;

import java.util.List;
import java.util.Map;

/**
 * Python's {@code str.format} ({@code {}}, {@code {0}}, {@code {name}}) and {@code %} formatting.
 */
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
        String spec = colon >= 0 ? field.substring(colon + 1) : "";
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
        b.append(spec.isEmpty() ? PyValues.str(v) : spec(v, spec));
        i = end;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static final java.util.regex.Pattern PERCENT =
      java.util.regex.Pattern.compile("%([-+ 0#]*)(\\d*)(?:\\.(\\d+))?([sdifFeEgGxXor%])");
  private static final java.util.regex.Pattern SPEC =
      java.util.regex.Pattern.compile(
          "(?:(.)?([<>^=]))?([-+ ]?)(#?)(0?)(\\d*)(,?)(?:\\.(\\d+))?([sdfFeEgGxXob%]?)");

  /** {@code '%s-%05.1f' % (a, b)}: printf-style conversions with flags, width and precision. */
  static String percent(String s, Object operand) {
    List<Object> values =
        operand instanceof PyTuple t ? t : java.util.Collections.singletonList(operand);
    StringBuilder b = new StringBuilder();
    java.util.regex.Matcher m = PERCENT.matcher(s);
    int next = 0;
    int last = 0;
    while (m.find()) {
      b.append(s, last, m.start());
      last = m.end();
      char type = m.group(4).charAt(0);
      if (type == '%') {
        b.append('%');
        continue;
      }
      Object v = next < values.size() ? values.get(next++) : "";
      String flags = m.group(1);
      String body =
          switch (type) {
            case 's' -> precision(PyValues.str(v), m.group(3));
            case 'r' -> PyValues.repr(v);
            case 'd', 'i' -> String.valueOf(((Number) v).longValue());
            default ->
                String.format(
                    "%" + (m.group(3) == null ? "" : "." + m.group(3)) + javaType(type),
                    number(v, type));
          };
      if (flags.contains("+") && v instanceof Number n && n.doubleValue() >= 0) {
        body = "+" + body;
      }
      int width = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
      b.append(
          pad(
              body,
              width,
              flags.contains("-") ? '<' : '>',
              flags.contains("0") && !flags.contains("-") && v instanceof Number ? '0' : ' '));
    }
    b.append(s.substring(last));
    return b.toString();
  }

  /**
   * Python's format-spec mini-language, the common part: fill, align, sign, width, precision, type.
   */
  static String spec(Object v, String spec) {
    java.util.regex.Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      return PyValues.str(v);
    }
    String precision = m.group(8);
    String type = m.group(9);
    String body;
    if (v instanceof Number n && !type.equals("s")) {
      char t = type.isEmpty() ? (precision != null ? 'g' : 'n') : type.charAt(0);
      body =
          switch (t) {
            case 'n' ->
                m.group(7).isEmpty() ? PyValues.str(v) : String.format("%,d", n.longValue());
            case 'd' ->
                m.group(7).isEmpty()
                    ? String.valueOf(n.longValue())
                    : String.format("%,d", n.longValue());
            case '%' ->
                String.format(
                        "%." + (precision == null ? "6" : precision) + "f", n.doubleValue() * 100)
                    + "%";
            default ->
                String.format(
                    "%"
                        + (m.group(7).isEmpty() ? "" : ",")
                        + (precision == null ? "" : "." + precision)
                        + javaType(t),
                    number(v, t));
          };
      if (m.group(3).equals("+") && n.doubleValue() >= 0) {
        body = "+" + body;
      }
    } else {
      body = precision(PyValues.str(v), precision);
    }
    int width = m.group(6).isEmpty() ? 0 : Integer.parseInt(m.group(6));
    char align = m.group(2) != null ? m.group(2).charAt(0) : v instanceof Number ? '>' : '<';
    char fill = m.group(1) != null ? m.group(1).charAt(0) : !m.group(5).isEmpty() ? '0' : ' ';
    return pad(body, width, align, fill);
  }

  private static String precision(String s, String precision) {
    return precision == null
        ? s
        : s.substring(0, Math.min(s.length(), Integer.parseInt(precision)));
  }

  private static char javaType(char t) {
    return switch (t) {
      case 'F' -> 'f';
      case 'i' -> 'd';
      default -> t;
    };
  }

  private static Object number(Object v, char type) {
    Number n = v instanceof Number x ? x : Double.valueOf(PyValues.str(v));
    return switch (type) {
      case 'd', 'i', 'x', 'X', 'o' -> n.longValue();
      default -> n.doubleValue();
    };
  }

  private static String pad(String s, int width, char align, char fill) {
    int missing = width - s.length();
    if (missing <= 0) {
      return s;
    }
    RenderLimits.length(width, "the padded string");
    String f = String.valueOf(fill).repeat(missing);
    return switch (align) {
      case '<' -> s + f;
      case '^' -> f.substring(0, missing / 2) + s + f.substring(missing / 2);
      default ->
          fill == '0' && (s.startsWith("-") || s.startsWith("+"))
              ? s.charAt(0) + f + s.substring(1)
              : f + s;
    };
  }
}
