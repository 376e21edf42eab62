package dev.dbtls.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Snowflake and DuckDB write after a {@code *} or {@code alias.*} that JSqlParser does not
 * read: {@code exclude name} without brackets, and {@code rename a as b} or {@code rename (a as b,
 * c as d)}. {@link ParserText} blanks these clauses out of the parser's text and keeps them here,
 * keyed by the offset of their {@code *}; names are as the SQL writes them (quotes kept) with their
 * ranges in it. {@code exclude (...)}, {@code except (...)} and {@code replace (...)} the parser
 * reads itself, so they stay in its text.
 */
public record StarClauses(int star, List<Name> excluded, List<Rename> renamed) {

  public StarClauses {
    excluded = List.copyOf(excluded);
    renamed = List.copyOf(renamed);
  }

  /** A column name in the SQL, {@code [start, end)}. */
  public record Name(String text, int start, int end) {}

  /** {@code from as to}. */
  public record Rename(Name from, Name to) {}

  /** Words that end a clause or start the next one, never the name an {@code exclude} takes. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "from", "as", "exclude", "except", "rename", "replace", "ilike", "like", "where", "union",
          "into");

  /**
   * The clauses of every star in {@code tokens}, each blanked out of {@code text} (spaces, line
   * breaks kept). A clause is taken only when it is whole: a half-typed one stays for the parser to
   * fail on.
   */
  static List<StarClauses> takeOut(List<SqlToken> tokens, StringBuilder text) {
    List<StarClauses> out = new ArrayList<>();
    for (int i = 1; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      SqlToken before = tokens.get(i - 1);
      if (!t.isPunct('*')
          || !(before.is("select")
              || before.is("distinct")
              || before.isPunct(',')
              || before.isPunct('.'))) {
        continue;
      }
      List<Name> excluded = new ArrayList<>();
      List<Rename> renamed = new ArrayList<>();
      int k = i + 1;
      while (k < tokens.size()) {
        SqlToken w = tokens.get(k);
        SqlToken next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
        int after;
        if ((w.is("exclude") || w.is("except") || w.is("replace"))
            && next != null
            && next.isPunct('(')) {
          after = closing(tokens, k + 1); // the parser reads these
        } else if (w.is("exclude") && isName(next)) {
          excluded.add(name(next));
          after = k + 2;
          blank(text, w.start(), next.end());
        } else if (w.is("rename")) {
          after = renames(tokens, k + 1, renamed);
          if (after > 0) {
            blank(text, w.start(), tokens.get(after - 1).end());
          }
        } else {
          break;
        }
        if (after < 0) {
          break;
        }
        k = after;
      }
      if (!excluded.isEmpty() || !renamed.isEmpty()) {
        out.add(new StarClauses(t.start(), excluded, renamed));
      }
      i = k - 1;
    }
    return out;
  }

  /**
   * {@code a as b} or {@code (a as b, ...)} from token {@code k}: the index after it, its pairs
   * added to {@code renamed}; -1 (nothing added) when it is not whole.
   */
  private static int renames(List<SqlToken> tokens, int k, List<Rename> renamed) {
    boolean bracketed = k < tokens.size() && tokens.get(k).isPunct('(');
    List<Rename> pairs = new ArrayList<>();
    int j = bracketed ? k + 1 : k;
    while (true) {
      if (j + 2 >= tokens.size()
          || !isName(tokens.get(j))
          || !tokens.get(j + 1).is("as")
          || !isName(tokens.get(j + 2))) {
        return -1;
      }
      pairs.add(new Rename(name(tokens.get(j)), name(tokens.get(j + 2))));
      j += 3;
      if (!bracketed) {
        break;
      }
      if (j < tokens.size() && tokens.get(j).isPunct(')')) {
        j++;
        break;
      }
      if (j >= tokens.size() || !tokens.get(j).isPunct(',')) {
        return -1;
      }
      j++;
    }
    renamed.addAll(pairs);
    return j;
  }

  /** The index after the {@code )} matching the {@code (} at {@code open}; -1 when unclosed. */
  private static int closing(List<SqlToken> tokens, int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      if (tokens.get(j).isPunct('(')) {
        depth++;
      } else if (tokens.get(j).isPunct(')') && --depth == 0) {
        return j + 1;
      }
    }
    return -1;
  }

  private static boolean isName(SqlToken t) {
    return t != null
        && (t.kind() == SqlToken.Kind.WORD && !NOT_NAMES.contains(t.text().toLowerCase(Locale.ROOT))
            || t.kind() == SqlToken.Kind.QUOTED
                && t.text().length() > 2
                && t.text().startsWith("\""));
  }

  private static Name name(SqlToken t) {
    return new Name(t.text(), t.start(), t.end());
  }

  private static void blank(StringBuilder text, int start, int end) {
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c != '\n' && c != '\r') {
        text.setCharAt(k, ' ');
      }
    }
  }
}
