package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What property YAML says against what the warehouse has, with {@code target/catalog.json} as the
 * evidence: a described column the relation does not have. Nothing is said of a relation the
 * catalog does not know (never built, or built after the catalog), and the catalog's own parse
 * problems are reported at its file.
 */
final class CatalogChecks {
  private CatalogChecks() {}

  static List<Problem> of(ProjectSnapshot snapshot, Catalog catalog) {
    List<Problem> out = new ArrayList<>(catalog.problems());
    if (catalog.isEmpty()) {
      return out;
    }
    String root = snapshot.inputs().root().name();
    Map<String, ProjectFile> files = new HashMap<>();
    for (Node n : snapshot.manifest().nodes().values()) {
      if (n.columns().isEmpty() || !n.packageName().equals(root) || !checked(n.type())) {
        continue;
      }
      List<Catalog.Column> actual = catalog.columns(n.uniqueId());
      if (actual.isEmpty()) {
        continue;
      }
      String yaml = yamlFile(n);
      for (NodeColumns.Column column : NodeColumns.of(catalog, n)) {
        ColumnSpec c = column.yaml();
        if (yaml == null || c == null || c.span() == null || column.warehouse() != null) {
          continue;
        }
        if (files.isEmpty()) {
          snapshot.inputs().files().forEach(f -> files.put(snapshot.inputs().displayPath(f), f));
        }
        out.add(located(files.get(yaml), yaml, c, n));
      }
    }
    return out;
  }

  private static boolean checked(ResourceType t) {
    return t == ResourceType.MODEL
        || t == ResourceType.SEED
        || t == ResourceType.SNAPSHOT
        || t == ResourceType.SOURCE;
  }

  /** The property file that describes the node: sources live in one; others say where. */
  private static String yamlFile(Node n) {
    if (n.type() == ResourceType.SOURCE) {
      return n.displayPath();
    }
    Object f = n.extra().get(Node.PROPERTIES_FILE);
    return f == null ? null : f.toString();
  }

  /** At the column's name in its entry, when the text says where; else at the entry. */
  private static Problem located(ProjectFile file, String yaml, ColumnSpec c, Node n) {
    String message =
        "column '"
            + c.name()
            + "' is not in "
            + n.type().dbtName()
            + " '"
            + n.name()
            + "' according to target/catalog.json ("
            + (n.relation() == null ? n.uniqueId() : Hover.relation(n.relation()))
            + "); if it was added since, run "
            + "dbt docs generate again";
    var s = c.span();
    if (file != null && file.text() != null) {
      LineIndex lines = new LineIndex(file.text());
      int from = lines.offset(s.startLine(), s.startColumn());
      int to = lines.offset(s.endLine(), s.endColumn());
      int at = file.text().indexOf(c.name(), from);
      if (at >= 0 && at + c.name().length() <= Math.max(to, from + c.name().length())) {
        return Problem.at(
            yaml,
            lines.span(at, at + c.name().length()),
            ProblemCode.PROPERTY_UNKNOWN_COLUMN,
            message);
      }
    }
    return Problem.at(
        yaml, s.startLine(), s.startColumn(), ProblemCode.PROPERTY_UNKNOWN_COLUMN, message);
  }
}
