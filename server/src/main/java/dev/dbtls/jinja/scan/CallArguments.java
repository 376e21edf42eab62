package dev.dbtls.jinja.scan;

import java.util.ArrayList;
import java.util.List;

/** A call's arguments among an expression's tokens: brackets matched, split at top-level commas. */
final class CallArguments {
  private CallArguments() {}

  /** For each opening bracket token, the index of its closing one ({@code k.size()} if none). */
  static int[] matchAll(List<Token> k) {
    int[] match = new int[k.size() + 1];
    java.util.Arrays.fill(match, k.size());
    int[] stack = new int[k.size()];
    int top = 0;
    for (int i = 0; i < k.size(); i++) {
      Token tok = k.get(i);
      if (tok.kind() != TokenKind.PUNCT) {
        continue;
      }
      switch (tok.value()) {
        case "(", "[", "{" -> stack[top++] = i;
        case ")", "]", "}" -> {
          if (top > 0) {
            match[stack[--top]] = i;
          }
        }
        default -> {}
      }
    }
    return match;
  }

  static boolean isKeyword(List<Token> a) {
    return a.size() >= 2 && a.get(0).kind() == TokenKind.NAME && a.get(1).isOperator("=");
  }

  static boolean isString(List<Token> a) {
    return a.size() == 1 && a.get(0).kind() == TokenKind.STRING;
  }

  static int indexOfPunct(List<Token> k, String v, int from) {
    for (int i = from; i < k.size(); i++) {
      if (k.get(i).isPunct(v)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the bracket closing the one at {@code open}, or {@code k.size()} when missing. */
  static int matching(List<Token> k, int open) {
    int level = 0;
    for (int i = open; i < k.size(); i++) {
      Token t = k.get(i);
      if (t.kind() != TokenKind.PUNCT) {
        continue;
      }
      switch (t.value()) {
        case "(", "[", "{" -> level++;
        case ")", "]", "}" -> {
          if (--level == 0) {
            return i;
          }
        }
        default -> {}
      }
    }
    return k.size();
  }

  /**
   * The arguments between the brackets at {@code open} and {@code close}, split at top-level
   * commas, as views of {@code k}. Jumps over nested brackets, so nested calls stay linear.
   */
  static List<List<Token>> splitArgs(List<Token> k, int open, int close) {
    return splitArgs(k, open, close, matchAll(k));
  }

  static List<List<Token>> splitArgs(List<Token> k, int open, int close, int[] match) {
    List<List<Token>> out = new ArrayList<>();
    int end = Math.min(close, k.size());
    int from = open + 1;
    int i = from;
    while (i < end) {
      Token t = k.get(i);
      if (t.kind() == TokenKind.PUNCT) {
        switch (t.value()) {
          case "(", "[", "{" -> {
            i = Math.min(match[i], end); // the closer itself is stepped over below
          }
          case "," -> {
            out.add(k.subList(from, i));
            from = i + 1;
          }
          default -> {}
        }
      }
      i++;
    }
    if (from < end) {
      out.add(k.subList(from, end));
    }
    return out;
  }
}
