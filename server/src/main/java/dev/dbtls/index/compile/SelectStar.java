package dev.dbtls.index.compile;

import dev.dbtls.jinja.Relation;
import dev.dbtls.project.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relation a query selects every column of and nothing else: {@code select * from
 * "db"."schema"."table" [as alias]}, comments and whitespace aside. Its columns are that relation's
 * (what a Fivetran package's {@code _tmp} model is).
 */
final class SelectStar {
  private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern SELECT_STAR =
      Pattern.compile(
          "\\s*select\\s+\\*\\s+from\\s+((?:\"[^\"]*\"|`[^`]*`|[\\w$]+)(?:\\.(?:\"[^\"]*\"|`[^`]*`|[\\w$]+)){0,2})"
              + "(?:\\s+(?:as\\s+)?[\\w$]+)?\\s*;?\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PART = Pattern.compile("\"([^\"]*)\"|`([^`]*)`|([\\w$]+)");

  private SelectStar() {}

  /** The relation, its parts quoted as written; null when the query is anything else. */
  static Relation from(String sql, Adapter adapter) {
    if (sql == null) {
      return null;
    }
    Matcher m = SELECT_STAR.matcher(COMMENTS.matcher(sql).replaceAll(" "));
    if (!m.matches()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<Boolean> quoted = new ArrayList<>();
    Matcher p = PART.matcher(m.group(1));
    while (p.find()) {
      quoted.add(p.group(3) == null);
      names.add(p.group(3) != null ? p.group(3) : p.group(1) != null ? p.group(1) : p.group(2));
    }
    int n = names.size();
    String db = n == 3 ? names.get(0) : null;
    String schema = n >= 2 ? names.get(n - 2) : null;
    return Relation.of(adapter, db, schema, names.get(n - 1))
        .withQuoting(
            n == 3 ? quoted.get(0) : null, n >= 2 ? quoted.get(n - 2) : null, quoted.get(n - 1));
  }
}
