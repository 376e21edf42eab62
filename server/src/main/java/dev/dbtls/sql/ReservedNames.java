package dev.dbtls.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names dbt projects use that JSqlParser takes for keywords, though the warehouses do not: {@code
 * final} above all (jaffle shop's {@code final as (...)} CTE), {@code window}, {@code sample},
 * {@code verify}; type names ({@code number}, {@code int}, {@code double}) that it reads only as a
 * type, so a bare column of that name fails; date parts ({@code day}) that leave a select item
 * without a name; and the type {@code array} after {@code ::} or a cast's {@code as}. Before
 * parsing, each such word becomes a stand-in of the same length (its last letter {@code _}, so
 * offsets stay true); {@link #restored} turns names and types read from the parse back.
 */
public final class ReservedNames {
  private ReservedNames() {}

  /**
   * Keywords to JSqlParser wherever they stand (found by parsing each of its keywords as a name).
   */
  private static final Set<String> KEYWORDS =
      Set.of(
          "final",
          "window",
          "sample",
          "verify",
          "errors",
          "csv",
          "output",
          "settings",
          "statement",
          "script",
          "extend",
          "includes",
          "excludes",
          "import",
          "fbv",
          "preferring",
          "prewhere",
          "xmlserialize");

  /** Types to JSqlParser as a bare word (as an alias, after a dot or in a cast they are fine). */
  private static final Set<String> TYPES =
      Set.of(
          "number",
          "numeric",
          "decimal",
          "int",
          "integer",
          "bigint",
          "smallint",
          "tinyint",
          "float",
          "float4",
          "float8",
          "double",
          "real",
          "bool",
          "varchar",
          "varbinary",
          "map",
          "uuid");

  /**
   * Date parts JSqlParser reads as a keyword, leaving a select item without a name; only a whole
   * select item is masked ({@code dateadd(day, 1, d)} keeps its date part).
   */
  private static final Set<String> DATE_PARTS =
      Set.of("year", "month", "day", "hour", "minute", "second");

  /** Types JSqlParser does not take in a cast (Snowflake's semi-structured {@code array}). */
  private static final Set<String> CAST_TYPES = Set.of("array");

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");
  private static final Map<String, String> ORIGINALS = new HashMap<>();
  private static final Set<String> WORDS = new java.util.HashSet<>();

  static {
    for (Set<String> words : List.of(KEYWORDS, TYPES, DATE_PARTS, CAST_TYPES)) {
      words.forEach(w -> ORIGINALS.put(standIn(w), w));
      WORDS.addAll(words);
    }
  }

  private static String standIn(String word) {
    return word.substring(0, word.length() - 1) + "_";
  }

  /** Whether a word of {@code sql} may be one to replace (a quick scan, before lexing). */
  static boolean mayHave(String sql) {
    int n = sql.length();
    for (int k = 0; k < n; k++) {
      char c = sql.charAt(k);
      if (!Character.isLetter(c) && c != '_') {
        continue;
      }
      int start = k;
      while (k < n
          && (Character.isLetterOrDigit(sql.charAt(k))
              || sql.charAt(k) == '_'
              || sql.charAt(k) == '$')) {
        k++;
      }
      if (k - start >= 3
          && k - start <= 12
          && WORDS.contains(sql.substring(start, k).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** {@code sql} with those words replaced, or the same string when it has none. */
  static String masked(String sql, SqlDialect dialect, List<SqlToken> tokens) {
    StringBuilder out = null;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.kind() != SqlToken.Kind.WORD) {
        continue;
      }
      String word = t.text().toLowerCase(Locale.ROOT);
      SqlToken before = i > 0 ? tokens.get(i - 1) : null;
      SqlToken after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      boolean mask =
          KEYWORDS.contains(word)
              ? isName(before, after, word)
              : TYPES.contains(word)
                  ? isBareName(before, after)
                  : DATE_PARTS.contains(word)
                      ? isSelectItem(before, after)
                      : CAST_TYPES.contains(word)
                          && before != null
                          && (before.is("as") || before.isPunct(':'));
      if (mask) {
        if (out == null) {
          out = new StringBuilder(sql);
        }
        out.setCharAt(t.end() - 1, '_');
      }
    }
    return out == null ? sql : out.toString();
  }

  /** {@code window} is a keyword where a window clause follows ({@code window w as (}). */
  private static boolean isName(SqlToken before, SqlToken after, String word) {
    if (word.equals("sample")) {
      return (after == null || !after.isPunct('(')) && (before == null || !before.is("using"));
    }
    // "window w as (" is the clause; "window as (" (a CTE named window) and "window." are names
    return !word.equals("window")
        || after != null
            && (after.is("as") || after.isPunct('.') || after.isPunct(',') || after.isPunct(')'));
  }

  /**
   * A type name standing where a column would: not an alias ({@code as number}, which is also a
   * cast's type), not after a dot or {@code ::}, not a function or sized type ({@code number(}),
   * not a typed literal ({@code double '1'}) or {@code double precision}.
   */
  private static boolean isBareName(SqlToken before, SqlToken after) {
    if (before != null && (before.is("as") || before.isPunct('.') || before.isPunct(':'))) {
      return false;
    }
    return after == null
        || !(after.isPunct('(')
            || after.kind() == SqlToken.Kind.QUOTED && after.text().startsWith("'")
            || after.is("precision"));
  }

  /** {@code select day,} / {@code , day from} / {@code , day as d}. */
  private static boolean isSelectItem(SqlToken before, SqlToken after) {
    return before != null
        && after != null
        && (before.is("select") || before.is("distinct") || before.isPunct(','))
        && (after.isPunct(',') || after.is("as") || after.is("from"));
  }

  /** A name read from the parse as the SQL wrote it. */
  public static String restored(String name) {
    if (name == null || name.length() < 3 || name.charAt(name.length() - 1) != '_') {
      return name;
    }
    String original = ORIGINALS.get(name.toLowerCase(Locale.ROOT));
    if (original == null) {
      return name;
    }
    return Character.isUpperCase(name.charAt(0)) ? original.toUpperCase(Locale.ROOT) : original;
  }

  /** A type read from the parse as the SQL wrote it ({@code arra_(in_)} is {@code array(int)}). */
  public static String restoredType(String type) {
    return type == null || type.indexOf('_') < 0
        ? type
        : WORD.matcher(type).replaceAll(m -> Matcher.quoteReplacement(restored(m.group())));
  }
}
