package dev.dbtls.ide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renaming a CTE: its definition and every use within its statement. */
final class CteRename {
  private CteRename() {}

  /** Renames {@code cte} within its statement. */
  static RenameResult rename(Symbol.Context c, Ctes.Cte cte, String newName) {
    if (!Rename.IDENTIFIER.matcher(newName).matches()
        || SQL_WORDS.contains(newName.toLowerCase(Locale.ROOT))) {
      return RenameResult.failed(
          "'"
              + newName
              + "' is not a valid CTE name: use letters, digits "
              + "and underscores, not starting with a digit, and not a SQL keyword");
    }
    for (Ctes.Cte other : Ctes.of(c.text())) {
      if (other.name().equalsIgnoreCase(newName)) {
        return RenameResult.failed(
            "a CTE named '" + other.name() + "' already exists in this file");
      }
    }
    List<TextEdit> edits = new ArrayList<>();
    for (Ctes.Occurrence o : cte.all()) {
      edits.add(new TextEdit(c.lines().span(o.start(), o.end()), newName));
    }
    return RenameResult.of(
        new WorkspaceChange(Map.of(c.displayPath(), List.copyOf(edits)), List.of()));
  }

  /** SQL keywords a CTE cannot be called without quotes. */
  private static final Set<String> SQL_WORDS =
      Set.of(
          "select",
          "from",
          "where",
          "join",
          "on",
          "using",
          "group",
          "order",
          "by",
          "having",
          "qualify",
          "limit",
          "offset",
          "union",
          "intersect",
          "except",
          "with",
          "as",
          "distinct",
          "case",
          "when",
          "then",
          "else",
          "end",
          "and",
          "or",
          "not",
          "in",
          "is",
          "null",
          "like",
          "between",
          "exists",
          "over",
          "partition",
          "true",
          "false",
          "window",
          "lateral",
          "values",
          "left",
          "right",
          "inner",
          "outer",
          "full",
          "cross",
          "natural",
          "all",
          "any",
          "table",
          "create",
          "insert",
          "update",
          "delete",
          "into",
          "set",
          "recursive");
}
