package dev.dbtls.ide;

import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The SQL text of a template cut into words, parentheses and commas, for outline and folding:
 * strings, quoted identifiers and comments are skipped (their state runs across Jinja pieces, as
 * in {@code '{{ var("x") }}'}), each {@code {{ }}} is one opaque token, statements and Jinja
 * comments are not SQL. Parentheses are matched once; an unclosed one matches nothing.
 */
final class SqlScan {
  enum Kind { WORD, QUOTED, PUNCT, JINJA }

  record Tok(Kind kind, int start, int end, String text) {
    boolean isWord(String w) {
      return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }

    boolean isPunct(char c) {
      return kind == Kind.PUNCT && text.charAt(0) == c;
    }

    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED;
    }
  }

  final List<Tok> toks = new ArrayList<>();
  /** {@code /* * /} comments, closed or running to the end of their text. */
  final List<TextRange> blockComments = new ArrayList<>();
  /** {@code --} comments, each to its line end. */
  final List<TextRange> lineComments = new ArrayList<>();
  /** For each token index: the index of the matching parenthesis, or -1. */
  int[] match;

  private final String text;

  private SqlScan(String text) {
    this.text = text;
  }

  static SqlScan of(ScannedTemplate t) {
    SqlScan s = new SqlScan(t.text());
    s.lex(t);
    s.matchParens();
    return s;
  }

  Tok tok(int i) {
    return i >= 0 && i < toks.size() ? toks.get(i) : null;
  }

  boolean isWord(int i, String w) {
    Tok t = tok(i);
    return t != null && t.isWord(w);
  }

  boolean isPunct(int i, char c) {
    Tok t = tok(i);
    return t != null && t.isPunct(c);
  }

  private void lex(ScannedTemplate t) {
    // 0 code, 1 'string', 2 "identifier", 3 -- comment, 4 /* comment */, 5 `identifier`
    int state = 0;
    int literalStart = 0;
    for (Piece p : t.pieces()) {
      if (p.kind() == PieceKind.EXPRESSION && state == 0) {
        toks.add(new Tok(Kind.JINJA, p.start(), p.end(), ""));
        continue;
      }
      if (p.kind() != PieceKind.TEXT) {
        continue;
      }
      int i = p.start();
      int end = p.end();
      while (i < end) {
        char c = text.charAt(i);
        switch (state) {
          case 1, 2, 5 -> {
            char quote = state == 1 ? '\'' : state == 2 ? '"' : '`';
            if (c == quote && i + 1 < end && text.charAt(i + 1) == quote) {
              i += 2; // a doubled quote stays inside
            } else if (c == quote) {
              if (state != 1) {
                toks.add(new Tok(Kind.QUOTED, literalStart, i + 1,
                    text.substring(literalStart + 1, i)));
              }
              state = 0;
              i++;
            } else {
              i++;
            }
          }
          case 3 -> {
            if (c == '\n') {
              lineComments.add(new TextRange(literalStart, i));
              state = 0;
            }
            i++;
          }
          case 4 -> {
            if (c == '*' && i + 1 < end && text.charAt(i + 1) == '/') {
              blockComments.add(new TextRange(literalStart, i + 2));
              state = 0;
              i += 2;
            } else {
              i++;
            }
          }
          default -> {
            literalStart = i;
            if (c == '\'') {
              state = 1;
              i++;
            } else if (c == '"') {
              state = 2;
              i++;
            } else if (c == '`') {
              state = 5;
              i++;
            } else if (c == '-' && i + 1 < end && text.charAt(i + 1) == '-') {
              state = 3;
              i += 2;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
              state = 4;
              i += 2;
            } else if (isWordChar(c)) {
              int s = i;
              while (i < end && isWordChar(text.charAt(i))) {
                i++;
              }
              toks.add(new Tok(Kind.WORD, s, i, text.substring(s, i)));
            } else {
              if (c == '(' || c == ')' || c == ',' || c == ';') {
                toks.add(new Tok(Kind.PUNCT, i, i + 1, String.valueOf(c)));
              }
              i++;
            }
          }
        }
      }
    }
    if (state == 3) {
      lineComments.add(new TextRange(literalStart, text.length()));
    } else if (state == 4) {
      blockComments.add(new TextRange(literalStart, text.length()));
    }
  }

  private void matchParens() {
    match = new int[toks.size()];
    Arrays.fill(match, -1);
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).isPunct('(')) {
        open.push(i);
      } else if (toks.get(i).isPunct(')') && !open.isEmpty()) {
        int o = open.pop();
        match[o] = i;
        match[i] = o;
      }
    }
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  // ---------------------------------------------------------------- CTEs

  /**
   * A common table expression: its name token and the offsets of the whole {@code name as (...)}
   * (to the end of the text, trailing blanks aside, when the parenthesis is not closed yet).
   */
  record Cte(Tok name, int start, int end, boolean closed) {}

  /** Every {@code with [recursive] a [(cols)] as [[not] materialized] (...), b as (...)}. */
  List<Cte> ctes() {
    List<Cte> out = new ArrayList<>();
    for (int i = 0; i < toks.size(); i++) {
      if (!isWord(i, "with")) {
        continue;
      }
      int j = isWord(i + 1, "recursive") ? i + 2 : i + 1;
      while (true) {
        Tok name = tok(j);
        if (name == null || !name.isName()) {
          break;
        }
        int k = j + 1;
        if (isPunct(k, '(')) {
          if (match[k] < 0) {
            break;
          }
          k = match[k] + 1; // column list
        }
        if (!isWord(k, "as")) {
          break;
        }
        k++;
        if (isWord(k, "not")) {
          k++;
        }
        if (isWord(k, "materialized")) {
          k++;
        }
        if (!isPunct(k, '(')) {
          break;
        }
        int close = match[k];
        if (close < 0) {
          out.add(new Cte(name, name.start(), trimmedEnd(), false));
          break;
        }
        out.add(new Cte(name, name.start(), toks.get(close).end(), true));
        if (!isPunct(close + 1, ',')) {
          break;
        }
        j = close + 2;
      }
    }
    return out;
  }

  private int trimmedEnd() {
    int e = text.length();
    while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }
}
