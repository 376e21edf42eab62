package dev.dbtls.index.compile;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Injects ephemeral models as CTEs the way dbt does: after a leading {@code with}, or as a new
 * {@code with} clause in front of the query.
 */
final class EphemeralCtes {
  private EphemeralCtes() {}

  /** {@code ctes} maps ephemeral model names to their compiled SQL, parents first. */
  static String inject(String sql, Map<String, String> ctes) {
    if (ctes.isEmpty()) {
      return sql;
    }
    String clause =
        ctes.entrySet().stream()
            .map(
                e ->
                    Relations.EPHEMERAL_PREFIX
                        + e.getKey()
                        + " as (\n"
                        + e.getValue().strip()
                        + "\n)")
            .collect(Collectors.joining(", "));
    int start = firstToken(sql);
    if (sql.regionMatches(true, start, "with", 0, 4)
        && (start + 4 == sql.length() || !Character.isLetterOrDigit(sql.charAt(start + 4)))) {
      int after = start + 4;
      if (sql.regionMatches(true, skipSpace(sql, after), "recursive", 0, 9)) {
        after = skipSpace(sql, after) + 9;
      }
      return sql.substring(0, after) + " " + clause + ", " + sql.substring(after).stripLeading();
    }
    return sql.substring(0, start) + "with " + clause + "\n" + sql.substring(start);
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Offset of the first SQL token, past white space and comments. */
  static int firstToken(String sql) {
    int i = 0;
    while (i < sql.length()) {
      i = skipSpace(sql, i);
      if (sql.startsWith("--", i)) {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? sql.length() : nl + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        return i;
      }
    }
    return i;
  }
}
