package dev.dbtls.ide;

import dev.dbtls.ide.SqlTokens.Kind;
import dev.dbtls.ide.SqlTokens.Tok;
import dev.dbtls.jinja.scan.JinjaScanner;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column names a model's SQL selects, read statically from its text (no rendering): the select
 * list of the main statement, its aliases and plain column names; {@code select * from cte} (and
 * {@code cte.*}) follows that CTE of the same file. A Jinja expression counts as one term ({@code
 * {{ cents('x') }} as amount} gives {@code amount}); {@code *} of a ref or source gives nothing
 * (its columns are the parent's). Good enough for completion; never throws.
 */
final class SelectedColumns {
  private SelectedColumns() {}

  private static final Set<String> ENDS_SELECT_LIST =
      Set.of(
          "from",
          "union",
          "intersect",
          "except",
          "where",
          "group",
          "order",
          "limit",
          "qualify",
          "having",
          "window");

  private static final Set<String> NOT_ALIASES =
      Set.of(
          "end", "null", "true", "false", "from", "distinct", "all", "as", "over", "then", "else");

  static List<String> of(String sql) {
    try {
      return read(sql);
    } catch (RuntimeException e) {
      return List.of(); // completion falls back to other sources; tests call read
    }
  }

  static List<String> read(String sql) {
    List<Tok> toks = SqlTokens.of(JinjaScanner.scan(sql));
    Map<String, int[]> ctes = new HashMap<>();
    int main = ctes(toks, ctes);
    return select(toks, main, toks.size(), ctes, 0);
  }

  /** Records {@code name as (...)} CTEs; returns where the main statement starts. */
  private static int ctes(List<Tok> toks, Map<String, int[]> out) {
    int i = 0;
    while (i < toks.size() && !toks.get(i).isWord("with") && !toks.get(i).isWord("select")) {
      i = toks.get(i).isPunct('(') ? matching(toks, i) + 1 : i + 1;
    }
    while (i < toks.size() && toks.get(i).isWord("with")) {
      List<Ctes.Definition> defs = Ctes.definitions(toks, i);
      i += i + 1 < toks.size() && toks.get(i + 1).isWord("recursive") ? 2 : 1;
      for (Ctes.Definition d : defs) {
        int close = d.close() < 0 ? toks.size() : d.close();
        out.put(
            toks.get(d.name()).text().toLowerCase(Locale.ROOT), new int[] {d.open() + 1, close});
        i = close + 1;
      }
      if (i < toks.size() && toks.get(i).isPunct(',')) {
        i++;
      }
    }
    return i;
  }

  /** The names the first {@code select} of {@code [from, to)} (at its own depth) gives. */
  private static List<String> select(
      List<Tok> toks, int from, int to, Map<String, int[]> ctes, int depth) {
    int s = from;
    while (s < to && !toks.get(s).isWord("select")) {
      s = toks.get(s).isPunct('(') ? matching(toks, s) + 1 : s + 1;
    }
    if (s >= to || depth > 8) {
      return List.of();
    }
    int i = s + 1;
    if (i < to && (toks.get(i).isWord("distinct") || toks.get(i).isWord("all"))) {
      i++;
    }
    Set<String> out = new LinkedHashSet<>();
    int itemStart = i;
    while (i <= to) {
      Tok t = i < to ? toks.get(i) : null;
      if (t == null
          || t.isPunct(',')
          || t.isPunct(';')
          || ENDS_SELECT_LIST.contains(
              t.kind() == Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : "")) {
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

  private static void item(
      List<Tok> toks,
      int a,
      int b,
      int stmtFrom,
      int stmtTo,
      Map<String, int[]> ctes,
      int depth,
      Set<String> out) {
    int n = b - a;
    if (n <= 0) {
      return;
    }
    Tok last = toks.get(b - 1);
    if (last.isPunct('*')) {
      String cte = null;
      if (n == 1) {
        cte = onlyFrom(toks, b, stmtTo);
      } else if (n == 3 && toks.get(a + 1).isPunct('.') && toks.get(a).isName()) {
        cte = toks.get(a).text().toLowerCase(Locale.ROOT);
      }
      int[] range = cte == null ? null : ctes.get(cte);
      if (range != null) {
        out.addAll(select(toks, range[0], range[1], ctes, depth + 1));
      }
      return;
    }
    if (!last.isName()
        || NOT_ALIASES.contains(last.text().toLowerCase(Locale.ROOT)) && last.kind() == Kind.WORD) {
      return;
    }
    if (n == 1) {
      out.add(last.text());
      return;
    }
    Tok before = toks.get(b - 2);
    if (before.isWord("as") || before.isPunct('.') && isPath(toks, a, b)) {
      out.add(last.text());
    } else if (before.isPunct(')') || before.isName() && !before.isWord("as")) {
      out.add(last.text()); // an alias without `as`
    }
  }

  /** {@code a.b.c}: names and dots only. */
  private static boolean isPath(List<Tok> toks, int a, int b) {
    for (int i = a; i < b; i++) {
      boolean name = (i - a) % 2 == 0;
      if (name ? !toks.get(i).isName() : !toks.get(i).isPunct('.')) {
        return false;
      }
    }
    return true;
  }

  /** The one name after {@code from} when the select reads a single relation by name. */
  private static String onlyFrom(List<Tok> toks, int i, int to) {
    if (i + 1 < to
        && toks.get(i).isWord("from")
        && toks.get(i + 1).isName()
        && toks.get(i + 1).kind() == Kind.WORD
        && (i + 2 >= to || !toks.get(i + 2).isPunct('.'))) {
      for (int k = i + 2; k < to; k++) {
        if (toks.get(k).isWord("join") || toks.get(k).isPunct(',')) {
          return null;
        }
        if (toks.get(k).isPunct('(')) {
          k = matching(toks, k);
        }
      }
      return toks.get(i + 1).text().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** The closing parenthesis of the one at {@code open}, or the end when it is not closed. */
  private static int matching(List<Tok> toks, int open) {
    int close = SqlTokens.matching(toks, open);
    return close < 0 ? toks.size() : close;
  }
}
