package dev.dbtls.sql;

import java.util.List;

/**
 * Compiled SQL rewritten, at the same length (offsets into it stay offsets into the SQL), where
 * JSqlParser would stop on SQL the warehouse runs: names it takes for keywords ({@link
 * ReservedNames}); two blank lines in a row, which it reads as the end of a statement (Jinja leaves
 * many); a trailing comma before {@code from} or {@code )} where the dialect allows one (Snowflake,
 * DuckDB, BigQuery, Databricks); a star's {@code exclude name} and {@code rename} clauses
 * (Snowflake, DuckDB), kept aside as {@link StarClauses}. Column inference and the {@code
 * sql-syntax} check both parse this text, so they agree on what parses.
 */
public final class ParserText {
  private ParserText() {}

  /** The text for the parser, and the star clauses taken out of it. */
  public record Read(String text, List<StarClauses> stars) {
    public Read {
      stars = List.copyOf(stars);
    }

    /** The clauses of the {@code *} at {@code offset}, or null. */
    public StarClauses starAt(int offset) {
      for (StarClauses s : stars) {
        if (s.star() == offset) {
          return s;
        }
      }
      return null;
    }
  }

  public static String of(String sql, SqlDialect dialect) {
    return read(sql, dialect).text();
  }

  public static Read read(String sql, SqlDialect dialect) {
    String out = blankLinesOut(sql);
    boolean commas =
        dialect.trailingCommas() && mayHaveTrailingComma(sql, dialect.nestedComments());
    boolean stars = dialect.starClauses() && mayHaveStarClause(sql);
    if (!commas && !stars && !ReservedNames.mayHave(sql)) {
      return new Read(out, List.of()); // most models: no lexing
    }
    List<SqlToken> tokens = SqlLexer.lex(sql, dialect);
    StringBuilder b = new StringBuilder(ReservedNames.masked(out, dialect, tokens));
    for (int i = 0; commas && i + 1 < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isPunct(',') && (tokens.get(i + 1).is("from") || tokens.get(i + 1).isPunct(')'))) {
        b.setCharAt(t.start(), ' ');
      }
    }
    List<StarClauses> found = stars ? StarClauses.takeOut(tokens, b) : List.of();
    return new Read(b.toString(), found);
  }

  /**
   * Whether the word {@code exclude} or {@code rename} (any case) stands in {@code sql}: a star
   * clause may be there, worth lexing to be sure. A scan, not a regular expression: this runs on
   * every model that column inference reads, and the expression took 2 % of a first start's
   * inference (README benchmarks).
   */
  static boolean mayHaveStarClause(String sql) {
    int n = sql.length();
    for (int k = 0; k < n; k++) {
      char c = sql.charAt(k);
      if ((c == 'e' || c == 'E' || c == 'r' || c == 'R')
          && (k == 0 || !isWord(sql.charAt(k - 1)))) {
        String word = c == 'e' || c == 'E' ? "exclude" : "rename";
        int end = k + word.length();
        if (sql.regionMatches(true, k, word, 0, word.length())
            && (end == n || !isWord(sql.charAt(end)))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a comma is followed, past white space and comments, by the word {@code from} (any case)
   * or by {@code )}: worth lexing to be sure. Line comments of every dialect ({@code --}, {@code
   * //}, {@code #}) are skipped whatever the dialect (skipping more than the lexer only makes it
   * lex), block comments nest where the dialect's do ({@code nested}); the lexer also knows
   * strings. A scan for the same reason as {@link #mayHaveStarClause}.
   */
  static boolean mayHaveTrailingComma(String sql, boolean nested) {
    int n = sql.length();
    for (int comma = sql.indexOf(','); comma >= 0; comma = sql.indexOf(',', comma + 1)) {
      int k = comma + 1;
      while (k < n) {
        char c = sql.charAt(k);
        if (Character.isWhitespace(c)) {
          k++;
        } else if (c == '#' || sql.startsWith("--", k) || sql.startsWith("//", k)) {
          int eol = sql.indexOf('\n', k);
          k = eol < 0 ? n : eol;
        } else if (sql.startsWith("/*", k)) {
          k = SqlLexer.blockCommentEnd(sql, k, nested);
          if (k < 0) {
            break;
          }
        } else {
          break;
        }
      }
      if (k >= 0
          && k < n
          && (sql.charAt(k) == ')'
              || sql.regionMatches(true, k, "from", 0, 4)
                  && (k + 4 == n || !isWord(sql.charAt(k + 4))))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWord(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /**
   * {@code select from}: what {@code dbt_utils.union_relations} and its kind compile to when the
   * warehouse told them no columns (there is none while editing).
   */
  public static boolean selectsNothing(String sql, SqlDialect dialect) {
    List<SqlToken> tokens = SqlLexer.lex(sql, dialect);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).is("select") && tokens.get(i + 1).is("from")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A line break that follows an empty line becomes a space. Done on the whole text, strings and
   * comments included: a line comment still ends at its first break, and what a string or comment
   * holds decides no column.
   */
  private static String blankLinesOut(String sql) {
    char[] out = null;
    boolean lineEmpty = false; // only whitespace since the last line break
    for (int k = 0; k < sql.length(); k++) {
      char c = sql.charAt(k);
      if (c == '\n' || c == '\r') {
        if (lineEmpty) {
          if (out == null) {
            out = sql.toCharArray();
          }
          out[k] = ' ';
        }
        lineEmpty = c == '\n' || lineEmpty;
      } else if (c != ' ' && c != '\t') {
        lineEmpty = false;
      }
    }
    return out == null ? sql : new String(out);
  }
}
