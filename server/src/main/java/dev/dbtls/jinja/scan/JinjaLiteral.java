package dev.dbtls.jinja.scan;

import dev.dbtls.project.Shared;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a literal written in Jinja — a string, number, boolean, none, list or dict — if it
 * is one.
 */
final class JinjaLiteral {
  private JinjaLiteral() {}

  static final Object NOT_LITERAL = new Object();

  /** The literal value of tokens [from, to), or {@link #NOT_LITERAL}. */
  static Object literal(List<Token> k, int from, int to) {
    int[] pos = {from};
    Object v = value(k, pos, to, 0);
    return v == NOT_LITERAL || pos[0] != to ? NOT_LITERAL : v;
  }

  private static Object value(List<Token> k, int[] pos, int to, int depth) {
    if (pos[0] >= to || depth > 100) { // no literal nests deeper; keeps the stack bounded
      return NOT_LITERAL;
    }
    Token t = k.get(pos[0]);
    switch (t.kind()) {
      case STRING -> {
        if (!t.closed()) {
          return NOT_LITERAL;
        }
        pos[0]++;
        if (pos[0] >= to || k.get(pos[0]).kind() != TokenKind.STRING) {
          return Shared.name(t.value()); // a tag or materialization, said in many files alike
        }
        StringBuilder sb = new StringBuilder(t.value());
        while (pos[0] < to && k.get(pos[0]).kind() == TokenKind.STRING) {
          sb.append(k.get(pos[0]++).value()); // 'a' 'b' concatenates, as in Python
        }
        return sb.toString();
      }
      case NUMBER -> {
        pos[0]++;
        return number(t.value(), false);
      }
      case OPERATOR -> {
        if (t.value().equals("-")
            && pos[0] + 1 < to
            && k.get(pos[0] + 1).kind() == TokenKind.NUMBER) {
          pos[0] += 2;
          return number(k.get(pos[0] - 1).value(), true);
        }
        return NOT_LITERAL;
      }
      case NAME -> {
        pos[0]++;
        return switch (t.value()) {
          case "True", "true" -> Boolean.TRUE;
          case "False", "false" -> Boolean.FALSE;
          case "None", "none" -> null;
          default -> NOT_LITERAL;
        };
      }
      case PUNCT -> {
        String v = t.value();
        if (v.equals("[") || v.equals("(")) {
          String close = v.equals("[") ? "]" : ")";
          pos[0]++;
          List<Object> items = new ArrayList<>();
          while (pos[0] < to && !k.get(pos[0]).isPunct(close)) {
            Object item = value(k, pos, to, depth + 1);
            if (item == NOT_LITERAL) {
              return NOT_LITERAL;
            }
            items.add(item);
            if (pos[0] < to && k.get(pos[0]).isPunct(",")) {
              pos[0]++;
            } else if (pos[0] >= to || !k.get(pos[0]).isPunct(close)) {
              return NOT_LITERAL;
            }
          }
          if (pos[0] >= to) {
            return NOT_LITERAL;
          }
          pos[0]++;
          return Collections.unmodifiableList(items);
        }
        if (v.equals("{")) {
          pos[0]++;
          Map<String, Object> map = new LinkedHashMap<>();
          while (pos[0] < to && !k.get(pos[0]).isPunct("}")) {
            Object key = value(k, pos, to, depth + 1);
            if (key == NOT_LITERAL || pos[0] >= to || !k.get(pos[0]).isPunct(":")) {
              return NOT_LITERAL;
            }
            pos[0]++;
            Object item = value(k, pos, to, depth + 1);
            if (item == NOT_LITERAL) {
              return NOT_LITERAL;
            }
            map.put(String.valueOf(key), item);
            if (pos[0] < to && k.get(pos[0]).isPunct(",")) {
              pos[0]++;
            } else if (pos[0] >= to || !k.get(pos[0]).isPunct("}")) {
              return NOT_LITERAL;
            }
          }
          if (pos[0] >= to) {
            return NOT_LITERAL;
          }
          pos[0]++;
          return Collections.unmodifiableMap(map);
        }
        return NOT_LITERAL;
      }
      default -> {
        return NOT_LITERAL;
      }
    }
  }

  private static Object number(String s, boolean negative) {
    String clean = s.replace("_", "");
    try {
      if (clean.contains(".") || clean.contains("e") || clean.contains("E")) {
        double d = Double.parseDouble(clean);
        return negative ? -d : d;
      }
      long l = Long.parseLong(clean);
      return negative ? -l : l;
    } catch (NumberFormatException e) {
      return NOT_LITERAL;
    }
  }
}
