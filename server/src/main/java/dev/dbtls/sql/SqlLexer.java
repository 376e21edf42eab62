package dev.dbtls.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into words, quoted strings and names, numbers and punctuation, by the dialect's
 * lexical rules (escapes, dollar quotes, comment styles). Never fails: an unterminated string,
 * quoted name or comment becomes one {@link SqlToken.Kind#UNTERMINATED} token to the end.
 *
 * <p>For compiled SQL (and SQL sent to the warehouse), which is one plain text in one dialect. The
 * SQL inside a dbt template is a different input: text pieces between Jinja, where a string or
 * comment may run across {@code {{ }}} and an expression stands for a relation or value; the editor
 * features read that with {@code ide.SqlTokens}, and never with this lexer.
 */
public final class SqlLexer {
  private final String sql;
  private final SqlDialect dialect;
  private final List<SqlToken> out = new ArrayList<>();
  private int i;

  private SqlLexer(String sql, SqlDialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  public static List<SqlToken> lex(String sql, SqlDialect dialect) {
    SqlLexer l = new SqlLexer(sql, dialect);
    l.run();
    return l.out;
  }

  private void run() {
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-'
              && at(i + 1) == '-'
              && (!dialect.dashCommentNeedsSpace() || i + 2 >= n || at(i + 2) <= ' ')
          || c == '#' && dialect.hashComments()
          || c == '/' && at(i + 1) == '/' && dialect.slashComments()) {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && at(i + 1) == '*') {
        blockComment(start);
      } else if (c == '\'' || c == '"') {
        boolean escapes = dialect.backslashEscapes() || c == '\'' && escapePrefix(start);
        quoted(start, c, escapes);
      } else if (c == '`') {
        quoted(start, '`', false);
      } else if (c == '[' && dialect.squareBracketQuotes()) {
        quoted(start, ']', false);
      } else if (c == '$' && dialect.dollarQuotes() && dollarTag(start) != null) {
        dollarQuoted(start, dollarTag(start));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$')) {
          i++;
        }
        add(SqlToken.Kind.WORD, start);
      } else if (Character.isDigit(c) || c == '.' && Character.isDigit(at(i + 1))) {
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '.'
                || sql.charAt(i) == '_')) {
          i++;
        }
        add(SqlToken.Kind.NUMBER, start);
      } else {
        i++;
        add(SqlToken.Kind.PUNCT, start);
      }
    }
  }

  private char at(int k) {
    return k < sql.length() ? sql.charAt(k) : '\0';
  }

  /** Postgres' and DuckDB's {@code E'...'} strings take backslash escapes. */
  private boolean escapePrefix(int quote) {
    return quote > 0
        && (sql.charAt(quote - 1) == 'e' || sql.charAt(quote - 1) == 'E')
        && (quote == 1
            || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_');
  }

  private void blockComment(int start) {
    int end = blockCommentEnd(sql, start, dialect.nestedComments());
    if (end < 0) {
      i = sql.length();
      add(SqlToken.Kind.UNTERMINATED, start);
    } else {
      i = end;
    }
  }

  /**
   * Where the block comment that opens at {@code start} ends (past its {@code *}{@code /}), nesting
   * when {@code nested}; -1 when it is not closed.
   */
  static int blockCommentEnd(String sql, int start, boolean nested) {
    int depth = 0;
    int k = start;
    while (k < sql.length()) {
      if (sql.startsWith("/*", k) && (depth == 0 || nested)) {
        depth++;
        k += 2;
      } else if (sql.startsWith("*/", k)) {
        k += 2;
        if (--depth == 0) {
          return k;
        }
      } else {
        k++;
      }
    }
    return -1;
  }

  private void quoted(int start, char close, boolean escapes) {
    char open = sql.charAt(start);
    if (open != '[' && open != '`' && sql.startsWith(String.valueOf(open).repeat(3), start)) {
      // BigQuery's triple-quoted strings
      int end = sql.indexOf(String.valueOf(open).repeat(3), start + 3);
      if (end >= 0 && dialect.adapterType().equals("bigquery")) {
        i = end + 3;
        add(SqlToken.Kind.QUOTED, start);
        return;
      }
    }
    i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (escapes && c == '\\') {
        i += 2;
      } else if (c == close) {
        if (close != ']' && at(i + 1) == close) {
          i += 2; // doubled quote
        } else {
          i++;
          add(SqlToken.Kind.QUOTED, start);
          return;
        }
      } else {
        i++;
      }
    }
    i = sql.length();
    add(SqlToken.Kind.UNTERMINATED, start);
  }

  /** {@code $$} or {@code $tag$} starting here (not {@code $1} nor part of a name), or null. */
  private String dollarTag(int start) {
    if (start > 0
        && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
      return null;
    }
    int k = start + 1;
    while (k < sql.length() && (Character.isLetter(sql.charAt(k)) || sql.charAt(k) == '_')) {
      k++;
    }
    return k < sql.length() && sql.charAt(k) == '$' ? sql.substring(start, k + 1) : null;
  }

  private void dollarQuoted(int start, String tag) {
    int end = sql.indexOf(tag, start + tag.length());
    if (end < 0) {
      i = sql.length();
      add(SqlToken.Kind.UNTERMINATED, start);
    } else {
      i = end + tag.length();
      add(SqlToken.Kind.QUOTED, start);
    }
  }

  private void add(SqlToken.Kind kind, int start) {
    out.add(new SqlToken(kind, start, i, sql.substring(start, Math.min(i, sql.length()))));
  }
}
