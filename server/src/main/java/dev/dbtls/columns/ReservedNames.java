package dev.dbtls.columns;

import dev.dbtls.sql.SqlDialect;
import dev.dbtls.sql.SqlLexer;
import dev.dbtls.sql.SqlToken;
import java.util.Locale;
import java.util.Map;

/**
 * Names dbt projects use that JSqlParser takes for keywords: {@code final} above all (jaffle
 * shop's {@code final as (...)} CTE), {@code window} and {@code sample}. Before parsing, each
 * bare word of them becomes a stand-in of the same length (so offsets stay true), and names in
 * the answer are turned back.
 */
final class ReservedNames {
  private ReservedNames() {}

  private static final Map<String, String> STAND_INS = Map.of(
      "final", "fina_", "window", "windo_", "sample", "sampl_");

  /** {@code sql} with the reserved names replaced, or the same string when it has none. */
  static String masked(String sql, SqlDialect dialect) {
    String lower = sql.toLowerCase(Locale.ROOT);
    if (!lower.contains("final") && !lower.contains("window") && !lower.contains("sample")) {
      return sql;
    }
    StringBuilder out = null;
    for (SqlToken t : SqlLexer.lex(sql, dialect)) {
      if (t.kind() != SqlToken.Kind.WORD) {
        continue;
      }
      String standIn = STAND_INS.get(t.text().toLowerCase(Locale.ROOT));
      if (standIn != null && isName(sql, t, standIn)) {
        if (out == null) {
          out = new StringBuilder(sql);
        }
        out.replace(t.start(), t.end(), standIn);
      }
    }
    return out == null ? sql : out.toString();
  }

  /** {@code window} is a keyword where a window clause follows ({@code window w as (}). */
  private static boolean isName(String sql, SqlToken t, String standIn) {
    if (!standIn.startsWith("windo")) {
      return !standIn.startsWith("sampl") || !followedBy(sql, t.end(), "(") && !precededBy(sql, t.start(), "using");
    }
    // "window w as (" is the clause; "window as (" (a CTE named window) and "window." are names
    String rest = sql.substring(t.end()).stripLeading().toLowerCase(Locale.ROOT);
    return rest.startsWith("as") || rest.startsWith(".") || rest.startsWith(",") || rest.startsWith(")");
  }

  private static boolean followedBy(String sql, int at, String s) {
    return sql.substring(at).stripLeading().startsWith(s);
  }

  private static boolean precededBy(String sql, int at, String word) {
    return sql.substring(0, at).stripTrailing().toLowerCase(Locale.ROOT).endsWith(word);
  }

  /** A name of the answer as the SQL wrote it. */
  static String restored(String name) {
    if (name == null || name.length() < 5 || name.charAt(name.length() - 1) != '_') {
      return name;
    }
    for (Map.Entry<String, String> e : STAND_INS.entrySet()) {
      if (e.getValue().equalsIgnoreCase(name)) {
        String original = e.getKey();
        return Character.isUpperCase(name.charAt(0)) ? original.toUpperCase(Locale.ROOT) : original;
      }
    }
    return name;
  }
}
