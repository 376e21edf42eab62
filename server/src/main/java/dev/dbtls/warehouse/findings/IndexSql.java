package dev.dbtls.warehouse.findings;

import dev.dbtls.warehouse.IndexSuggestion;
import dev.dbtls.warehouse.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL a finding suggests: an index with its name and rollback, identifiers quoted as needed.
 */
final class IndexSql {
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "and",
          "any",
          "as",
          "asc",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "current_date",
          "current_user",
          "default",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "index",
          "intersect",
          "into",
          "is",
          "join",
          "key",
          "leading",
          "limit",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "primary",
          "references",
          "select",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "when",
          "where",
          "window",
          "with");
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern PLAIN_MYSQL = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private IndexSql() {}

  /** The index for {@code columns} of the node's table, with its SQL and rollback. */
  static IndexSuggestion index(PlanNode n, String dialect, List<String> columns) {
    String name = indexName(n.relation(), columns);
    String table = table(n, dialect);
    List<String> cols = new ArrayList<>();
    columns.forEach(c -> cols.add(ident(c, dialect)));
    String create =
        "create index "
            + ident(name, dialect)
            + " on "
            + table
            + " ("
            + String.join(", ", cols)
            + ")";
    String rollback =
        dialect.equals("mariadb") || dialect.equals("mysql")
            ? "drop index " + ident(name, dialect) + " on " + table
            : "drop index "
                + (n.schema() == null ? "" : ident(n.schema(), dialect) + ".")
                + ident(name, dialect);
    return new IndexSuggestion(n.qualifiedRelation(), columns, name, create, rollback);
  }

  /** The node's table as SQL names it: {@code schema.relation}, quoted where needed. */
  static String table(PlanNode n, String dialect) {
    return (n.schema() == null ? "" : ident(n.schema(), dialect) + ".")
        + ident(n.relation(), dialect);
  }

  /** {@code dbtls_<table>_<cols>_idx}, lower case, at most 63 characters (PostgreSQL's limit). */
  static String indexName(String table, List<String> columns) {
    String name =
        ("dbtls_" + table + "_" + String.join("_", columns) + "_idx")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    if (name.length() <= 63) {
      return name;
    }
    String hash = String.format(Locale.ROOT, "%08x", name.hashCode()).substring(0, 8);
    return name.substring(0, 63 - 13) + "_" + hash + "_idx";
  }

  /** An identifier, quoted only when it has to be. */
  static String ident(String name, String dialect) {
    boolean mysql = dialect.equals("mariadb") || dialect.equals("mysql");
    boolean plain =
        (mysql ? PLAIN_MYSQL : PLAIN).matcher(name).matches()
            && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    if (plain) {
      return name;
    }
    String q = mysql ? "`" : "\"";
    return q + name.replace(q, q + q) + q;
  }
}
