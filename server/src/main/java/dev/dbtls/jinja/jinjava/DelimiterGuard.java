package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.Token;
import dev.dbtls.jinja.scan.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Two places where Jinjava's template tokenizer cuts differently from Jinja2's lexer, fixed in the
 * text before Jinjava sees it (its {@code TokenScanner} has no extension point):
 *
 * <ul>
 *   <li>Jinja2 does not end {@code {{ }}} while a bracket is open, so {@code {{ config(meta={'a':
 *       {'b': 'c'}}) }}} is one expression; Jinjava ends it at the first {@code }}}. Each such
 *       inner {@code }}} gets a space between its braces, and one removable space of the same
 *       expression is dropped, so the text keeps its length and every later offset and line. (With
 *       no removable space the line gets one character longer from there on.)
 *   <li>Jinja2's whitespace is Python's {@code \s}, which includes U+00A0 (a non-breaking space
 *       pasted from a web page); Jinjava's tag names end only at ASCII whitespace. Such spaces
 *       between tokens of a tag or expression become plain spaces (same length).
 * </ul>
 *
 * Our own scanner, which lexes as Jinja2 does, finds both.
 */
final class DelimiterGuard {
  private DelimiterGuard() {}

  static String apply(String text) {
    if (!maybeNeeded(text)) {
      return text;
    }
    StringBuilder out = null;
    int shift = 0; // characters inserted so far (only when no space could be removed)
    for (Piece p : JinjaScanner.scan(text).pieces()) {
      if (p.kind() != PieceKind.EXPRESSION && p.kind() != PieceKind.STATEMENT) {
        continue;
      }
      String fixed = fix(text, p);
      if (fixed != null) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.replace(p.start() + shift, p.end() + shift, fixed);
        shift += fixed.length() - (p.end() - p.start());
      }
    }
    return out == null ? text : out.toString();
  }

  /** The piece rewritten, or null when Jinjava reads it as Jinja2 does. */
  private static String fix(String text, Piece p) {
    List<Integer> splits = new ArrayList<>(); // index of a '}' that another '}' follows
    boolean odd = false;
    for (Token t : p.tokens()) {
      if (p.kind() == PieceKind.EXPRESSION
          && t.kind() == TokenKind.PUNCT
          && t.value().equals("}")
          && t.end() < text.length()
          && text.charAt(t.end()) == '}') {
        splits.add(t.start());
      }
    }
    for (int i = p.innerStart(); i < p.innerEnd() && !odd; i++) {
      odd = oddSpace(text.charAt(i));
    }
    if (splits.isEmpty() && !odd) {
      return null;
    }
    boolean[] inString = new boolean[p.end() - p.start()];
    for (Token t : p.tokens()) {
      if (t.kind() == TokenKind.STRING) {
        for (int i = t.start(); i < t.end(); i++) {
          inString[i - p.start()] = true;
        }
      }
    }
    java.util.Set<Integer> drop = new java.util.HashSet<>();
    for (int i = p.innerEnd() - 1; i > p.innerStart() && drop.size() < splits.size(); i--) {
      if (!inString[i - p.start()] && removable(text, i, drop)) {
        drop.add(i);
      }
    }
    java.util.Set<Integer> split = new java.util.HashSet<>(splits);
    StringBuilder b = new StringBuilder(p.end() - p.start() + splits.size());
    for (int i = p.start(); i < p.end(); i++) {
      if (drop.contains(i)) {
        continue;
      }
      char c = text.charAt(i);
      b.append(
          !inString[i - p.start()] && i >= p.innerStart() && i < p.innerEnd() && oddSpace(c)
              ? ' '
              : c);
      if (split.contains(i)) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  /** A space that Jinja2 skips and Jinjava does not: U+00A0 and the other Unicode spaces. */
  private static boolean oddSpace(char c) {
    return c > 127 && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085');
  }

  /** Whether dropping the space at {@code i} cannot join two tokens into one. */
  private static boolean removable(String text, int i, java.util.Set<Integer> drop) {
    char c = text.charAt(i);
    if (c != ' ' && c != '\t') {
      return false;
    }
    char before = text.charAt(i - 1);
    char after = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
    if (drop.contains(i - 1) || drop.contains(i + 1)) {
      return false;
    }
    if (before == '-' || before == '+' || after == '-' || after == '+') {
      return false; // a whitespace-control sign could touch its delimiter
    }
    return before == ' '
        || before == '\t'
        || after == ' '
        || after == '\t'
        || after == '\n'
        || "([,:".indexOf(before) >= 0
        || ")],:".indexOf(after) >= 0
        || after == '}' && before != '}' && before != '{';
  }

  /**
   * A fast test that lets most files through untouched: some {@code {{} whose first {@code }}}
   * comes while more braces are open than closed, or a non-ASCII space.
   */
  private static boolean maybeNeeded(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c > 127 && oddSpace(c)) {
        return true;
      }
      if (c == '{' && i + 1 < n && text.charAt(i + 1) == '{') {
        int open = 0;
        int j = i + 2;
        for (; j + 1 < n && !(text.charAt(j) == '}' && text.charAt(j + 1) == '}'); j++) {
          if (text.charAt(j) == '{') {
            open++;
          } else if (text.charAt(j) == '}') {
            open--;
          }
        }
        if (open > 0) {
          return true;
        }
        i = j;
      }
    }
    return false;
  }
}
