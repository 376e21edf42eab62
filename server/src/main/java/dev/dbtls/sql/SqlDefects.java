package dev.dbtls.sql;

import dev.dbtls.sql.SqlToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Token-level checks for mistakes that are wrong in the adapter's SQL whatever its grammar:
 * unbalanced brackets, unterminated strings and comments, two commas in a row, a comma before a
 * clause (where the dialect allows no trailing comma), two clause keywords in a row ({@code from
 * from}, {@code where and}), a clause keyword or {@code and}/{@code or} with nothing after it
 * (before the end, a {@code )} or the next clause), and a misspelt first keyword ({@code selec}).
 * They know nothing of expressions, so they cannot mistake a dialect's syntax for an error; on
 * their own they would miss most errors, which is why {@link SqlSyntax} pairs them with a parser.
 */
public final class SqlDefects {
  /** Reserved in every checked dialect; two of them in a row is never valid. */
  private static final Set<String> CLAUSES =
      Set.of("from", "where", "group", "order", "having", "join", "on");

  /** Keywords that cannot end a statement or come right before a closing bracket. */
  private static final Set<String> NEED_MORE =
      Set.of("from", "where", "join", "on", "and", "or", "having");

  private static final Set<String> BY_CLAUSES =
      Set.of("group", "order", "partition", "cluster", "distribute", "sort");

  /**
   * Clauses a trailing comma may not come before, in dialects without trailing commas: words
   * reserved in all of them ({@code window} and {@code except} are names in some).
   */
  private static final Set<String> AFTER_LIST =
      Set.of("from", "where", "group", "order", "having", "limit", "union");

  /** Words a statement may start with in some dialect; a typo is reported only outside these. */
  private static final Set<String> STARTERS =
      Set.of(
          "select",
          "with",
          "from",
          "values",
          "table",
          "pivot",
          "unpivot",
          "insert",
          "update",
          "delete",
          "merge",
          "upsert",
          "replace",
          "create",
          "alter",
          "drop",
          "truncate",
          "rename",
          "comment",
          "grant",
          "revoke",
          "call",
          "exec",
          "execute",
          "set",
          "unset",
          "use",
          "begin",
          "start",
          "commit",
          "rollback",
          "end",
          "savepoint",
          "release",
          "show",
          "describe",
          "desc",
          "explain",
          "summarize",
          "copy",
          "vacuum",
          "analyze",
          "optimize",
          "refresh",
          "msck",
          "cache",
          "uncache",
          "clear",
          "reset",
          "declare",
          "if",
          "for",
          "while",
          "loop",
          "repeat",
          "return",
          "raise",
          "assert",
          "put",
          "get",
          "list",
          "ls",
          "remove",
          "rm",
          "undrop",
          "attach",
          "detach",
          "install",
          "load",
          "pragma",
          "export",
          "import",
          "checkpoint",
          "force",
          "lock",
          "unlock",
          "do",
          "listen",
          "notify",
          "prepare",
          "deallocate",
          "discard",
          "reindex",
          "cluster",
          "security",
          "fetch",
          "move",
          "close",
          "open",
          "handler",
          "kill",
          "flush",
          "purge",
          "check",
          "checksum",
          "repair",
          "backup",
          "restore",
          "undo",
          "apply",
          "add",
          "sync",
          "convert",
          "print",
          "go",
          "let");

  private SqlDefects() {}

  public static List<SqlDefect> find(String sql, SqlDialect dialect) {
    List<SqlDefect> found = findAsLexed(sql, dialect);
    if (!found.isEmpty() && dialect.backslashUnsure()) {
      List<SqlDefect> other =
          findAsLexed(sql, dialect.withBackslashEscapes(!dialect.backslashEscapes()));
      return found.stream().filter(other::contains).toList();
    }
    return found;
  }

  private static List<SqlDefect> findAsLexed(String sql, SqlDialect dialect) {
    List<SqlToken> tokens = SqlLexer.lex(sql, dialect);
    List<SqlDefect> out = new ArrayList<>();
    for (SqlToken t : tokens) {
      if (t.kind() == Kind.UNTERMINATED) {
        out.add(new SqlDefect(t.start(), t.start() + 1, unterminated(t.text()), false));
        return out; // what follows is inside it
      }
    }
    brackets(tokens, out);
    int statementStart = 0;
    for (int k = 0; k < tokens.size(); k++) {
      SqlToken t = tokens.get(k);
      SqlToken prev = k > 0 ? tokens.get(k - 1) : null;
      SqlToken next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
      if (k == statementStart) {
        firstWord(tokens, k, out);
      }
      if (t.isPunct(';')) {
        statementStart = k + 1;
        continue;
      }
      if (t.isPunct(',') && next != null && next.isPunct(',')) {
        out.add(new SqlDefect(next.start(), next.end(), "two commas in a row", false));
      } else if (t.isPunct(',')
          && next != null
          && !dialect.trailingCommas()
          && (next.isPunct(')') || next.kind() == Kind.WORD && AFTER_LIST.contains(lower(next)))) {
        out.add(new SqlDefect(t.start(), t.end(), "comma before '" + next.text() + "'", false));
      } else if (t.isPunct('(') && next != null && next.isPunct(',')) {
        out.add(new SqlDefect(next.start(), next.end(), "comma right after '('", false));
      }
      if (t.kind() == Kind.WORD
          && prev != null
          && prev.kind() == Kind.WORD
          && CLAUSES.contains(lower(t))
          && CLAUSES.contains(lower(prev))) {
        out.add(
            new SqlDefect(
                t.start(),
                t.end(),
                "'" + t.text() + "' cannot follow '" + prev.text() + "'",
                false));
      } else if (t.is("select") && prev != null && prev.is("select")) {
        out.add(new SqlDefect(t.start(), t.end(), "'select' twice", false));
      } else if ((t.is("and") || t.is("or"))
          && prev != null
          && prev.kind() == Kind.WORD
          && (CLAUSES.contains(lower(prev)) || prev.is("and") || prev.is("or"))) {
        out.add(
            new SqlDefect(
                t.start(),
                t.end(),
                "'" + t.text() + "' cannot follow '" + prev.text() + "'",
                false));
      }
      boolean ends =
          next == null
              || next.isPunct(';')
              || next.isPunct(')')
              || (t.is("and") || t.is("or"))
                  && next.kind() == Kind.WORD
                  && CLAUSES.contains(lower(next));
      if (ends
          && t.kind() == Kind.WORD
          && (NEED_MORE.contains(lower(t))
              || t.is("by")
                  && prev != null
                  && prev.kind() == Kind.WORD
                  && BY_CLAUSES.contains(lower(prev)))) {
        out.add(new SqlDefect(t.start(), t.end(), "nothing after '" + t.text() + "'", false));
      }
    }
    out.sort(java.util.Comparator.comparingInt(SqlDefect::start));
    return out;
  }

  private static String unterminated(String text) {
    return switch (text.charAt(0)) {
      case '/' -> "unterminated comment";
      case '"', '`', '[' -> "unterminated quoted name or string";
      default -> "unterminated string";
    };
  }

  private static void brackets(List<SqlToken> tokens, List<SqlDefect> out) {
    Deque<SqlToken> open = new ArrayDeque<>();
    for (SqlToken t : tokens) {
      if (t.isPunct('(') || t.isPunct('[')) {
        open.push(t);
      } else if (t.isPunct(')') || t.isPunct(']')) {
        char want = t.isPunct(')') ? '(' : '[';
        if (open.isEmpty()) {
          out.add(
              new SqlDefect(
                  t.start(), t.end(), "'" + t.text() + "' has no matching '" + want + "'", true));
          return;
        }
        SqlToken o = open.pop();
        if (!o.isPunct(want)) {
          out.add(
              new SqlDefect(
                  t.start(), t.end(), "'" + t.text() + "' closes '" + o.text() + "'", true));
          return;
        }
      }
    }
    if (!open.isEmpty()) {
      SqlToken o = open.peekLast(); // the outermost unclosed one
      out.add(new SqlDefect(o.start(), o.end(), "'" + o.text() + "' is never closed", true));
    }
  }

  /** {@code selec * from t}: a statement's first word that is a typo of select, with or from. */
  private static void firstWord(List<SqlToken> tokens, int k, List<SqlDefect> out) {
    while (k < tokens.size() && tokens.get(k).isPunct('(')) {
      k++;
    }
    if (k >= tokens.size() || tokens.get(k).kind() != Kind.WORD) {
      return;
    }
    SqlToken t = tokens.get(k);
    String w = lower(t);
    if (w.length() < 3 || STARTERS.contains(w)) {
      return;
    }
    for (String keyword : new String[] {"select", "with", "from"}) {
      int limit = keyword.length() > 4 ? 2 : 1;
      if (distance(w, keyword) <= limit) {
        out.add(
            new SqlDefect(
                t.start(),
                t.end(),
                "'" + t.text() + "' is not a SQL keyword; did you mean '" + keyword + "'?",
                false));
        return;
      }
    }
  }

  private static String lower(SqlToken t) {
    return t.text().toLowerCase(Locale.ROOT);
  }

  /** Edit distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int x = 0; x <= a.length(); x++) {
      d[x][0] = x;
    }
    for (int y = 0; y <= b.length(); y++) {
      d[0][y] = y;
    }
    for (int x = 1; x <= a.length(); x++) {
      for (int y = 1; y <= b.length(); y++) {
        int cost = a.charAt(x - 1) == b.charAt(y - 1) ? 0 : 1;
        d[x][y] = Math.min(Math.min(d[x - 1][y] + 1, d[x][y - 1] + 1), d[x - 1][y - 1] + cost);
        if (x > 1
            && y > 1
            && a.charAt(x - 1) == b.charAt(y - 2)
            && a.charAt(x - 2) == b.charAt(y - 1)) {
          d[x][y] = Math.min(d[x][y], d[x - 2][y - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
