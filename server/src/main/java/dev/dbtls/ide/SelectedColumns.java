package dev.dbtls.ide;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column names a model's SQL selects, read statically from its text (no rendering): the
 * select list of the main statement, its aliases and plain column names; {@code select * from
 * cte} (and {@code cte.*}) follows that CTE of the same file. A Jinja expression counts as one
 * term ({@code {{ cents('x') }} as amount} gives {@code amount}); {@code *} of a ref or source
 * gives nothing (its columns are the parent's). Good enough for completion; never throws.
 */
final class SelectedColumns {
  private SelectedColumns() {}

  /** A word, a quoted identifier ({@code quoted}), or one punctuation character. */
  private record Tok(String word, char punct, boolean quoted) {
    boolean is(String w) {
      return word != null && !quoted && word.equalsIgnoreCase(w);
    }

    boolean isPunct(char c) {
      return word == null && punct == c;
    }
  }

  private static final Set<String> ENDS_SELECT_LIST = Set.of("from", "union", "intersect",
      "except", "where", "group", "order", "limit", "qualify", "having", "window");

  private static final Set<String> NOT_ALIASES = Set.of("end", "null", "true", "false", "from",
      "distinct", "all", "as", "over", "then", "else");

  static List<String> of(String sql) {
    try {
      return read(sql);
    } catch (RuntimeException e) {
      return List.of(); // completion falls back to other sources; tests call read
    }
  }

  static List<String> read(String sql) {
    List<Tok> toks = lex(sql);
    Map<String, int[]> ctes = new HashMap<>();
    int main = ctes(toks, ctes);
    return select(toks, main, toks.size(), ctes, 0);
  }

  /** Records {@code name as (...)} CTEs; returns where the main statement starts. */
  private static int ctes(List<Tok> toks, Map<String, int[]> out) {
    int i = 0;
    while (i < toks.size() && !toks.get(i).is("with") && !toks.get(i).is("select")) {
      i = toks.get(i).isPunct('(') ? matching(toks, i) + 1 : i + 1;
    }
    while (i < toks.size() && toks.get(i).is("with")) {
      i++;
      if (i < toks.size() && toks.get(i).is("recursive")) {
        i++;
      }
      while (i + 2 < toks.size() && toks.get(i).word() != null && toks.get(i + 1).is("as")
          && toks.get(i + 2).isPunct('(')) {
        int close = matching(toks, i + 2);
        out.put(toks.get(i).word().toLowerCase(Locale.ROOT), new int[] {i + 3, close});
        i = close + 1;
        if (i < toks.size() && toks.get(i).isPunct(',')) {
          i++;
        }
      }
    }
    return i;
  }

  /** The names the first {@code select} of {@code [from, to)} (at its own depth) gives. */
  private static List<String> select(List<Tok> toks, int from, int to, Map<String, int[]> ctes,
      int depth) {
    int s = from;
    while (s < to && !toks.get(s).is("select")) {
      s = toks.get(s).isPunct('(') ? matching(toks, s) + 1 : s + 1;
    }
    if (s >= to || depth > 8) {
      return List.of();
    }
    int i = s + 1;
    if (i < to && (toks.get(i).is("distinct") || toks.get(i).is("all"))) {
      i++;
    }
    Set<String> out = new LinkedHashSet<>();
    int itemStart = i;
    while (i <= to) {
      Tok t = i < to ? toks.get(i) : null;
      if (t == null || t.isPunct(',') || t.isPunct(';') || ENDS_SELECT_LIST.contains(
          t.word() == null || t.quoted() ? "" : t.word().toLowerCase(Locale.ROOT))) {
        item(toks, itemStart, i, from, to, ctes, depth, out);
        if (t == null || !t.isPunct(',')) {
          break;
        }
        itemStart = i + 1;
        i++;
        continue;
      }
      i = t.isPunct('(') ? matching(toks, i) + 1 : i + 1;
    }
    return List.copyOf(out);
  }

  private static void item(List<Tok> toks, int a, int b, int stmtFrom, int stmtTo,
      Map<String, int[]> ctes, int depth, Set<String> out) {
    int n = b - a;
    if (n <= 0) {
      return;
    }
    Tok last = toks.get(b - 1);
    if (last.isPunct('*')) {
      String cte = null;
      if (n == 1) {
        cte = onlyFrom(toks, b, stmtTo);
      } else if (n == 3 && toks.get(a + 1).isPunct('.') && toks.get(a).word() != null) {
        cte = toks.get(a).word().toLowerCase(Locale.ROOT);
      }
      int[] range = cte == null ? null : ctes.get(cte);
      if (range != null) {
        out.addAll(select(toks, range[0], range[1], ctes, depth + 1));
      }
      return;
    }
    if (last.word() == null || NOT_ALIASES.contains(last.word().toLowerCase(Locale.ROOT))
        && !last.quoted()) {
      return;
    }
    if (n == 1) {
      out.add(last.word());
      return;
    }
    Tok before = toks.get(b - 2);
    if (before.is("as") || before.isPunct('.') && isPath(toks, a, b)) {
      out.add(last.word());
    } else if (before.isPunct(')') || before.word() != null && !before.is("as")) {
      out.add(last.word()); // an alias without `as`
    }
  }

  /** {@code a.b.c}: names and dots only. */
  private static boolean isPath(List<Tok> toks, int a, int b) {
    for (int i = a; i < b; i++) {
      boolean name = (i - a) % 2 == 0;
      if (name ? toks.get(i).word() == null : !toks.get(i).isPunct('.')) {
        return false;
      }
    }
    return true;
  }

  /** The one name after {@code from} when the select reads a single relation by name. */
  private static String onlyFrom(List<Tok> toks, int i, int to) {
    if (i + 1 < to && toks.get(i).is("from") && toks.get(i + 1).word() != null
        && !toks.get(i + 1).quoted() && (i + 2 >= to || !toks.get(i + 2).isPunct('.'))) {
      for (int k = i + 2; k < to; k++) {
        if (toks.get(k).is("join") || toks.get(k).isPunct(',')) {
          return null;
        }
        if (toks.get(k).isPunct('(')) {
          k = matching(toks, k);
        }
      }
      return toks.get(i + 1).word().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static int matching(List<Tok> toks, int open) {
    int depth = 0;
    for (int i = open; i < toks.size(); i++) {
      if (toks.get(i).isPunct('(')) {
        depth++;
      } else if (toks.get(i).isPunct(')') && --depth == 0) {
        return i;
      }
    }
    return toks.size();
  }

  /** SQL tokens of the text pieces; each Jinja expression is one word, tags and comments none. */
  private static List<Tok> lex(String sql) {
    List<Tok> toks = new ArrayList<>();
    for (Piece p : JinjaScanner.scan(sql).pieces()) {
      if (p.kind() == PieceKind.EXPRESSION) {
        toks.add(new Tok(null, 'J', false)); // a term, never a name
      } else if (p.kind() == PieceKind.TEXT) {
        lexText(sql, p.start(), p.end(), toks);
      }
    }
    return toks;
  }

  private static void lexText(String s, int from, int to, List<Tok> toks) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < to && s.charAt(i + 1) == '-') {
        int nl = s.indexOf('\n', i);
        i = nl < 0 || nl > to ? to : nl;
      } else if (c == '/' && i + 1 < to && s.charAt(i + 1) == '*') {
        int close = s.indexOf("*/", i + 2);
        i = close < 0 || close > to ? to : close + 2;
      } else if (c == '\'') {
        int k = i + 1;
        while (k < to && !(s.charAt(k) == '\'' && (k + 1 >= to || s.charAt(k + 1) != '\''))) {
          k += s.charAt(k) == '\'' ? 2 : 1;
        }
        toks.add(new Tok(null, '\'', false)); // a literal: a term, never a name
        i = k + 1;
      } else if (c == '"' || c == '`') {
        int close = s.indexOf(c, i + 1);
        int end = close < 0 || close > to ? to : close;
        toks.add(new Tok(s.substring(i + 1, end), '\0', true));
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int k = i;
        while (k < to && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_'
            || s.charAt(k) == '$')) {
          k++;
        }
        String w = s.substring(i, k);
        toks.add(Character.isDigit(c) ? new Tok(null, '0', false) : new Tok(w, '\0', false));
        i = k;
      } else {
        toks.add(new Tok(null, c, false));
        i++;
      }
    }
  }
}
