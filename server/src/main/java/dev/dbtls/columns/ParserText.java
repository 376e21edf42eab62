package dev.dbtls.columns;

import dev.dbtls.sql.SqlDialect;
import dev.dbtls.sql.SqlLexer;
import dev.dbtls.sql.SqlToken;
import java.util.List;

/**
 * Compiled SQL rewritten, at the same length (offsets into it stay offsets into the SQL), where
 * JSqlParser would stop on SQL the warehouse runs: names it takes for keywords
 * ({@link ReservedNames}); two blank lines in a row, which it reads as the end of a statement
 * (Jinja leaves many); a trailing comma before {@code from} or {@code )} where the dialect allows
 * one (Snowflake, DuckDB, BigQuery, Databricks).
 */
final class ParserText {
  private ParserText() {}

  static String of(String sql, SqlDialect dialect) {
    List<SqlToken> tokens = SqlLexer.lex(sql, dialect);
    StringBuilder out = new StringBuilder(ReservedNames.masked(sql, dialect, tokens));
    int from = 0;
    for (int i = 0; i <= tokens.size(); i++) {
      int to = i < tokens.size() ? tokens.get(i).start() : sql.length();
      blankLinesOut(out, from, to, dialect);
      if (i < tokens.size()) {
        SqlToken t = tokens.get(i);
        if (dialect.trailingCommas() && t.isPunct(',') && i + 1 < tokens.size()
            && (tokens.get(i + 1).is("from") || tokens.get(i + 1).isPunct(')'))) {
          out.setCharAt(t.start(), ' ');
        }
        from = t.end();
      }
    }
    return out.toString();
  }

  /**
   * {@code select from}: what {@code dbt_utils.union_relations} and its kind compile to when the
   * warehouse told them no columns (there is none while editing).
   */
  static boolean selectsNothing(String sql, SqlDialect dialect) {
    List<SqlToken> tokens = SqlLexer.lex(sql, dialect);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).is("select") && tokens.get(i + 1).is("from")) {
        return true;
      }
    }
    return false;
  }

  /**
   * In the text between two tokens (whitespace and comments), a line break that follows an empty
   * line becomes a space; a break that ends a line comment stays.
   */
  private static void blankLinesOut(StringBuilder out, int from, int to, SqlDialect dialect) {
    boolean lineComment = false;
    boolean blockComment = false;
    boolean lineEmpty = false; // only whitespace since the last line break
    for (int k = from; k < to; k++) {
      char c = out.charAt(k);
      char next = k + 1 < to ? out.charAt(k + 1) : '\0';
      if (lineComment) {
        if (c == '\n') {
          lineComment = false;
          lineEmpty = true;
        }
      } else if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          k++;
        }
        lineEmpty = false;
      } else if (c == '-' && next == '-' || c == '#' && dialect.hashComments()
          || c == '/' && next == '/' && dialect.slashComments()) {
        lineComment = true;
      } else if (c == '/' && next == '*') {
        blockComment = true;
        k++;
      } else if (c == '\n' || c == '\r') {
        if (lineEmpty) {
          out.setCharAt(k, ' ');
        }
        lineEmpty = c == '\n' || lineEmpty;
      } else if (!Character.isWhitespace(c)) {
        lineEmpty = false;
      }
    }
  }
}
