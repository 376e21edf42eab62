package dev.dbtls.ide;

import dev.dbtls.ide.SqlTokens.Kind;
import dev.dbtls.ide.SqlTokens.Tok;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The SQL text of a template as {@link SqlTokens} cuts it, keeping words, quoted names,
 * parentheses, commas and semicolons, for outline and folding: matched parentheses (an unclosed
 * one matches nothing), comment ranges, and the CTEs of each {@code with}.
 */
final class SqlScan {

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

  /** SqlTokens' tokens; of punctuation only what outline and folding look at. */
  private void lex(ScannedTemplate t) {
    SqlTokens.Lexed lexed = SqlTokens.lex(t);
    for (Tok tok : lexed.tokens()) {
      if (tok.kind() != Kind.PUNCT || "(),;".contains(tok.text())) {
        toks.add(tok);
      }
    }
    blockComments.addAll(lexed.blockComments());
    lineComments.addAll(lexed.lineComments());
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
