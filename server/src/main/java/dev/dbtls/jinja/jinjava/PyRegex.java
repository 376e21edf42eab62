package dev.dbtls.jinja.jinjava;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Python {@code re} pattern translated to a Java one that matches the same strings: a
 * {@code {} that is no quantifier is a literal, {@code (?P<name>...)} and {@code (?P=name)} are
 * named groups (Java's names allow no {@code _}, so each gets a Java name), {@code \Z} is Java's
 * {@code \z}, a {@code [} or {@code &} inside a set is literal, verbose mode is applied here (Java's
 * would also drop spaces inside sets), and Python's flags become Java's. Errors are {@code re.error}
 * in Python's words.
 */
record PyRegex(
    String source, int flags, Pattern pattern, int groups, Map<String, Integer> groupIndex) {
  static final int I = 2;
  static final int L = 4;
  static final int M = 8;
  static final int S = 16;
  static final int U = 32;
  static final int X = 64;
  static final int A = 256;

  /** Java's name for Python group {@code n}. */
  static String javaName(int n) {
    return "g" + n;
  }

  static PyRegex compile(String source, int flags) {
    return new Translator(source, flags).translate();
  }

  private static IllegalArgumentException error(String message, int position) {
    return new IllegalArgumentException(
        "re.error: " + message + (position < 0 ? "" : " at position " + position));
  }

  private static final class Translator {
    private final String p;
    private int flags;
    private int i;
    private int groups;
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    Translator(String p, int flags) {
      this.p = p;
      this.flags = flags;
    }

    PyRegex translate() {
      // global inline flags apply to the whole pattern (Python 3.11 wants them first)
      java.util.regex.Matcher g = Pattern.compile("\\(\\?([aiLmsux]+)\\)").matcher(p);
      while (g.find()) {
        for (char c : g.group(1).toCharArray()) {
          flags |= flag(c);
        }
      }
      int depth = 0;
      boolean atom = false;
      while (i < p.length()) {
        char c = p.charAt(i);
        int at = i;
        if ((flags & X) != 0
            && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B)) {
          i++;
          continue;
        }
        if ((flags & X) != 0 && c == '#') {
          while (i < p.length() && p.charAt(i) != '\n') {
            i++;
          }
          continue;
        }
        switch (c) {
          case '\\' -> atom = escape(false);
          case '[' -> {
            set();
            atom = true;
          }
          case '(' -> {
            atom = false;
            if (group()) {
              depth++;
            }
          }
          case ')' -> {
            if (--depth < 0) {
              throw error("unbalanced parenthesis", at);
            }
            out.append(')');
            i++;
            atom = true;
          }
          case '{' -> {
            String q = quantifier();
            if (q == null) {
              out.append("\\{");
              i++;
              atom = true;
            } else {
              if (!atom) {
                throw error("nothing to repeat", at);
              }
              out.append(q);
              atom = false;
              lazyOrPossessive();
            }
          }
          case '}' -> {
            out.append("\\}");
            i++;
            atom = true;
          }
          case '*', '+', '?' -> {
            if (!atom) {
              throw error(atomBefore(at) ? "multiple repeat" : "nothing to repeat", at);
            }
            out.append(c);
            i++;
            atom = false;
            lazyOrPossessive();
          }
          case '|' -> {
            out.append('|');
            i++;
            atom = false;
          }
          default -> {
            out.append(c);
            i++;
            atom = c != '^' && c != '$';
          }
        }
      }
      if (depth > 0) {
        throw error("missing ), unterminated subpattern", p.lastIndexOf('('));
      }
      int java = Pattern.UNIX_LINES;
      java |= (flags & A) == 0 ? Pattern.UNICODE_CHARACTER_CLASS : 0;
      java |=
          (flags & I) != 0
              ? Pattern.CASE_INSENSITIVE | ((flags & A) == 0 ? Pattern.UNICODE_CASE : 0)
              : 0;
      java |= (flags & M) != 0 ? Pattern.MULTILINE : 0;
      java |= (flags & S) != 0 ? Pattern.DOTALL : 0;
      try {
        return new PyRegex(
            p,
            flags | ((flags & A) == 0 ? U : 0),
            Pattern.compile(out.toString(), java),
            groups,
            Map.copyOf(names));
      } catch (PatternSyntaxException e) {
        throw error("invalid pattern", -1);
      }
    }

    private boolean atomBefore(int at) {
      return at > 0 && "*+?}".indexOf(p.charAt(at - 1)) >= 0;
    }

    private void lazyOrPossessive() {
      if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
        out.append(p.charAt(i++));
      }
    }

    private static int flag(char c) {
      return switch (c) {
        case 'a' -> A;
        case 'i' -> I;
        case 'L' -> L;
        case 'm' -> M;
        case 's' -> S;
        case 'u' -> U;
        case 'x' -> X;
        default -> 0;
      };
    }

    /** {@code {m,n}} as Python reads it, in Java's words; null when the brace is a literal. */
    private String quantifier() {
      int j = i + 1;
      StringBuilder lo = new StringBuilder();
      StringBuilder hi = new StringBuilder();
      if (j < p.length() && p.charAt(j) == '}') {
        return null;
      }
      while (j < p.length() && Character.isDigit(p.charAt(j)) && p.charAt(j) < 128) {
        lo.append(p.charAt(j++));
      }
      boolean comma = j < p.length() && p.charAt(j) == ',';
      if (comma) {
        j++;
        while (j < p.length() && Character.isDigit(p.charAt(j)) && p.charAt(j) < 128) {
          hi.append(p.charAt(j++));
        }
      }
      if (j >= p.length() || p.charAt(j) != '}') {
        return null;
      }
      if (!lo.isEmpty()
          && !hi.isEmpty()
          && Long.parseLong(hi.toString()) < Long.parseLong(lo.toString())) {
        throw error("min repeat greater than max repeat", i + 1 + lo.length() + 1);
      }
      i = j + 1;
      return "{" + (lo.isEmpty() ? "0" : lo) + (comma ? "," + hi : "") + "}";
    }

    /** A {@code (}: true when it opens a group (false for a comment or a global flag group). */
    private boolean group() {
      int at = i;
      if (!p.startsWith("(?", i)) {
        groups++;
        out.append("(?<").append(javaName(groups)).append('>');
        i++;
        return true;
      }
      if (p.startsWith("(?P<", i)) {
        int end = p.indexOf('>', i);
        if (end < 0) {
          throw error("missing >, unterminated name", i + 4);
        }
        String name = p.substring(i + 4, end);
        if (name.isEmpty()
            || !name.codePoints().allMatch(Character::isUnicodeIdentifierPart)
            || Character.isDigit(name.charAt(0))) {
          throw error("bad character in group name '" + name + "'", i + 4);
        }
        if (names.containsKey(name)) {
          throw error(
              "redefinition of group name '"
                  + name
                  + "' as group "
                  + (groups + 1)
                  + "; was group "
                  + names.get(name),
              i + 4);
        }
        groups++;
        names.put(name, groups);
        out.append("(?<").append(javaName(groups)).append('>');
        i = end + 1;
        return true;
      }
      if (p.startsWith("(?P=", i)) {
        int end = p.indexOf(')', i);
        String name = p.substring(i + 4, end < 0 ? p.length() : end);
        if (end < 0 || !names.containsKey(name)) {
          throw error("unknown group name '" + name + "'", i + 4);
        }
        out.append("\\k<").append(javaName(names.get(name))).append('>');
        i = end + 1;
        return false;
      }
      if (p.startsWith("(?#", i)) {
        int end = p.indexOf(')', i);
        if (end < 0) {
          throw error("missing ), unterminated comment", i);
        }
        i = end + 1;
        return false;
      }
      if (p.startsWith("(?(", i)) {
        throw error("conditional groups are not supported here", at);
      }
      java.util.regex.Matcher f =
          Pattern.compile("\\(\\?([aiLmsux]*)(?:-([imsx]*))?([:)])").matcher(p);
      if (f.find(i) && f.start() == i && (!f.group(1).isEmpty() || f.group(2) != null)) {
        i = f.end();
        if (f.group(3).equals(")")) {
          return false; // global flags, applied in translate()
        }
        out.append("(?").append(f.group(1).replaceAll("[aLux]", ""));
        if (f.group(2) != null) {
          out.append('-').append(f.group(2).replace("x", ""));
        }
        out.append(':');
        return true;
      }
      // (?: (?= (?! (?<= (?<! (?> as they are
      out.append("(?");
      i += 2;
      return true;
    }

    /** A {@code [...]} set: {@code [} and {@code &} are literal in Python, not in Java. */
    private void set() {
      int at = i;
      out.append('[');
      i++;
      if (i < p.length() && p.charAt(i) == '^') {
        out.append('^');
        i++;
      }
      if (i < p.length() && p.charAt(i) == ']') {
        out.append("\\]");
        i++;
      }
      while (i < p.length() && p.charAt(i) != ']') {
        char c = p.charAt(i);
        if (c == '\\') {
          escape(true);
        } else {
          out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
          i++;
        }
      }
      if (i >= p.length()) {
        throw error("unterminated character set", at);
      }
      out.append(']');
      i++;
    }

    /** A backslash escape at {@code i}; true when it stands for a character (can be repeated). */
    private boolean escape(boolean inSet) {
      int at = i;
      if (i + 1 >= p.length()) {
        throw error("bad escape (end of pattern)", at);
      }
      char c = p.charAt(i + 1);
      i += 2;
      switch (c) {
        case 'd', 'D', 'w', 'W', 's', 'S', 'n', 't', 'r', 'f' -> out.append('\\').append(c);
        case 'v' -> out.append("\\x0B");
        case 'a' -> out.append("\\x07");
        case 'b', 'B', 'A', 'Z' -> {
          if (inSet && c == 'b') {
            out.append("\\x08");
            return true;
          }
          if (inSet) {
            throw error("bad escape \\" + c, at);
          }
          out.append(c == 'Z' ? "\\z" : "\\" + c);
          return false;
        }
        case 'x' -> out.append("\\x{").append(hex(2, at, "\\x")).append('}');
        case 'u' -> out.append("\\x{").append(hex(4, at, "\\u")).append('}');
        case 'U' -> out.append("\\x{").append(hex(8, at, "\\U")).append('}');
        case 'N' -> {
          int end = p.indexOf('}', i);
          if (!p.startsWith("{", i) || end < 0) {
            throw error("missing {", i);
          }
          out.append("\\N").append(p, i, end + 1);
          i = end + 1;
        }
        default -> {
          if (c >= '0' && c <= '9') {
            digits(c, inSet, at);
          } else if (c < 128 && Character.isLetter(c)) {
            throw error("bad escape \\" + c, at);
          } else if (c < 128) {
            out.append('\\').append(c);
          } else {
            out.append("\\x{").append(Integer.toHexString(c)).append('}');
          }
        }
      }
      return true;
    }

    /** {@code \0}, octal escapes and group references as Python reads them. */
    private void digits(char first, boolean inSet, int at) {
      int j = i;
      if (first == '0' || inSet) {
        int value = first - '0';
        while (j < p.length()
            && j < i + 2
            && p.charAt(j) >= '0'
            && p.charAt(j) <= '7'
            && first <= '7') {
          value = value * 8 + (p.charAt(j++) - '0');
        }
        i = j;
        out.append("\\x{").append(Integer.toHexString(value)).append('}');
        return;
      }
      if (j + 1 < p.length() && first <= '7' && isOctal(p.charAt(j)) && isOctal(p.charAt(j + 1))) {
        int value = (first - '0') * 64 + (p.charAt(j) - '0') * 8 + (p.charAt(j + 1) - '0');
        if (value > 0377) {
          throw error(
              "octal escape value \\" + p.substring(at + 1, j + 2) + " outside of range 0-0o377",
              at);
        }
        i = j + 2;
        out.append("\\x{").append(Integer.toHexString(value)).append('}');
        return;
      }
      int n = first - '0';
      if (j < p.length() && Character.isDigit(p.charAt(j)) && p.charAt(j) < 128) {
        n = n * 10 + (p.charAt(j++) - '0');
      }
      i = j;
      if (n > groups) {
        throw error("invalid group reference " + n, at + 1);
      }
      out.append("\\k<").append(javaName(n)).append('>');
    }

    private static boolean isOctal(char c) {
      return c >= '0' && c <= '7';
    }

    private String hex(int count, int at, String escape) {
      if (i + count > p.length() || !p.substring(i, i + count).matches("[0-9a-fA-F]+")) {
        throw error(
            "incomplete escape " + escape + p.substring(i, Math.min(p.length(), i + count)), at);
      }
      String h = p.substring(i, i + count);
      i += count;
      return h;
    }
  }

  /** {@code re.escape}: Python 3.7+ escapes only the characters special in a pattern. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000B\f".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * Python's replacement template expanded for one match: {@code \1}, {@code \g<1>}, {@code
   * \g<name>}, {@code \n}-style escapes; an unmatched group is empty.
   */
  String expand(String template, java.util.regex.MatchResult m) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < template.length(); k++) {
      char c = template.charAt(k);
      if (c != '\\' || k + 1 == template.length()) {
        b.append(c);
        continue;
      }
      char n = template.charAt(++k);
      if (n == 'g') {
        int end = template.indexOf('>', k);
        if (k + 1 >= template.length() || template.charAt(k + 1) != '<' || end < 0) {
          throw error("missing <", k + 1);
        }
        String ref = template.substring(k + 2, end);
        Integer g = ref.matches("\\d+") ? Integer.valueOf(ref) : groupIndex.get(ref);
        if (g == null || g > groups) {
          throw ref.matches("\\d+")
              ? error("invalid group reference " + ref, k + 2)
              : new IllegalArgumentException("IndexError: unknown group name '" + ref + "'");
        }
        b.append(group(m, g));
        k = end;
      } else if (n >= '1' && n <= '9' || n == '0') {
        int g = n - '0';
        if (n != '0' && k + 1 < template.length() && Character.isDigit(template.charAt(k + 1))) {
          g = g * 10 + (template.charAt(++k) - '0');
        }
        if (n == '0') {
          b.append('\0');
        } else if (g > groups) {
          throw error("invalid group reference " + g, k);
        } else {
          b.append(group(m, g));
        }
      } else {
        switch (n) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'f' -> b.append('\f');
          case 'v' -> b.append('\u000B');
          case 'a' -> b.append('\u0007');
          case 'b' -> b.append('\b');
          case '\\' -> b.append('\\');
          default -> {
            if (n < 128 && Character.isLetter(n)) {
              throw error("bad escape \\" + n, k - 1);
            }
            b.append('\\').append(n);
          }
        }
      }
    }
    return b.toString();
  }

  static String group(java.util.regex.MatchResult m, int g) {
    String s = m.group(g);
    return s == null ? "" : s;
  }

  /** The Python group names by number, for groupdict and lastgroup. */
  List<String> namesByNumber() {
    List<String> out = new ArrayList<>();
    for (int g = 0; g <= groups; g++) {
      out.add(null);
    }
    groupIndex.forEach((name, n) -> out.set(n, name));
    return out;
  }
}
