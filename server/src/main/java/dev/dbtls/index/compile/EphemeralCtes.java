package dev.dbtls.index.compile;

import java.util.Collection;
import java.util.Locale;

/**
 * Injects ephemeral models as CTEs byte for byte as dbt Core does ({@code
 * compilation.inject_ctes_into_sql}): each CTE is {@code " __dbt__cte__<identifier> as
 * (\n<sql>\n)"}, joined with {@code ", "}; they go after the statement's top-level {@code with} (or
 * {@code with recursive}) and the white space that follows it, then {@code ", "}; without one,
 * {@code with} and the CTEs and a space go in front of the first token (a leading comment included,
 * white space kept in front). dbt reads the SQL with sqlparse and keeps only its first statement:
 * what follows a top-level {@code ;} is dropped, as it is there.
 */
final class EphemeralCtes {
  private EphemeralCtes() {}

  /** One CTE as dbt writes it, from the relation's identifier (its alias) and its own SQL. */
  static String cte(String identifier, String sql) {
    return " " + Relations.EPHEMERAL_PREFIX + identifier + " as (\n" + sql + "\n)";
  }

  /** The SQL with {@code ctes} (each made by {@link #cte}) injected; the SQL itself when none. */
  static String inject(String sql, Collection<String> ctes) {
    if (ctes.isEmpty()) {
      return sql;
    }
    String joined = String.join(", ", ctes);
    String stmt = sql.substring(0, firstStatementEnd(sql));
    int with = topLevelWith(stmt);
    if (with < 0) {
      int first = skipSpace(stmt, 0);
      return stmt.substring(0, first) + "with" + joined + " " + stmt.substring(first);
    }
    int anchor = with + 4;
    int next = skipSpace(stmt, anchor);
    if (word(stmt, next).equals("recursive")) {
      anchor = next + "recursive".length();
    }
    int at = skipSpace(stmt, anchor);
    return stmt.substring(0, at) + joined + ", " + stmt.substring(at);
  }

  /**
   * The end of sqlparse's first statement: after the first {@code ;} outside brackets ({@code END}
   * counts as a closing one, as there), with the spaces and line comments that follow it on its
   * line; the whole text when there is none.
   */
  static int firstStatementEnd(String sql) {
    int level = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        i = skip;
      } else if (c == '(') {
        level++;
        i++;
      } else if (c == ')') {
        level--;
        i++;
      } else if (c == ';' && level <= 0) {
        return endOfSemicolonLine(sql, i + 1);
      } else if (isWordStart(sql, i)) {
        String w = word(sql, i);
        if (w.equals("end") && isKeyword(sql, i, w.length())) {
          level--;
        }
        i += w.length();
      } else {
        i++;
      }
    }
    return sql.length();
  }

  private static int endOfSemicolonLine(String sql, int i) {
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i) || sql.startsWith("# ", i)) {
        i = lineCommentEnd(sql, i);
      } else {
        return i;
      }
    }
    return i;
  }

  /** Offset of the statement's first top-level {@code with} keyword, or -1. */
  static int topLevelWith(String stmt) {
    int depth = 0;
    int i = 0;
    while (i < stmt.length()) {
      char c = stmt.charAt(i);
      int skip = skipQuotedOrComment(stmt, i);
      if (skip > i) {
        i = skip;
      } else if (c == '(') {
        depth++;
        i++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (isWordStart(stmt, i)) {
        String w = word(stmt, i);
        if (depth == 0 && w.equals("with") && isKeyword(stmt, i, 4)) {
          return i;
        }
        i += w.length();
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * Past a string, quoted name, dollar-quoted string or comment starting at {@code i}; {@code i}
   * when none starts there.
   */
  private static int skipQuotedOrComment(String s, int i) {
    char c = s.charAt(i);
    if (c == '\'' || c == '"' || c == '`') {
      int j = i + 1;
      while (j < s.length()) {
        char d = s.charAt(j);
        if (d == '\\' && c != '`' && j + 1 < s.length()) {
          j += 2;
        } else if (d == c) {
          if (j + 1 < s.length() && s.charAt(j + 1) == c) {
            j += 2;
          } else {
            return j + 1;
          }
        } else {
          j++;
        }
      }
      return s.length();
    }
    if (s.startsWith("--", i) || s.startsWith("# ", i)) {
      return lineCommentEnd(s, i);
    }
    if (s.startsWith("/*", i)) {
      int end = s.indexOf("*/", i + 2);
      return end < 0 ? s.length() : end + 2;
    }
    if (c == '$') {
      int j = i + 1;
      while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
        j++;
      }
      if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !isDigit(s.charAt(i + 1)))) {
        String tag = s.substring(i, j + 1);
        int end = s.indexOf(tag, j + 1);
        return end < 0 ? i : end + tag.length();
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int lineCommentEnd(String s, int i) {
    int j = i;
    while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
      j++;
    }
    if (s.startsWith("\r\n", j)) {
      return j + 2;
    }
    return j < s.length() ? j + 1 : j;
  }

  private static boolean isWordStart(String s, int i) {
    char c = s.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The word at {@code i} (sqlparse's {@code \w[$#\w]*}), lower-cased; empty when none. */
  private static String word(String s, int i) {
    if (i >= s.length() || !isWordStart(s, i)) {
      return "";
    }
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#')) {
        break;
      }
      j++;
    }
    return s.substring(i, j).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether sqlparse reads the word as a keyword: not after a dot, not before a dot (a qualified
   * name), not right before a bracket (a function's name).
   */
  private static boolean isKeyword(String s, int start, int length) {
    if (start > 0 && (s.charAt(start - 1) == '.' || isWordStart(s, start - 1))) {
      return false;
    }
    int end = start + length;
    if (end < s.length() && s.charAt(end) == '(') {
      return false;
    }
    int next = skipSpace(s, end);
    return next >= s.length() || s.charAt(next) != '.';
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
