package dev.dbtls.ide;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.columns.QueryColumns;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a change of a model's columns does, from the inferred columns ({@link ColumnsTable}), for
 * the nodes of open files: reads of columns a parent does not produce ({@code column-unknown}),
 * columns the model no longer produces that children read ({@code column-used-downstream}), YAML
 * columns it does not produce ({@code column-not-produced}) and produced columns its YAML leaves
 * out ({@code column-undocumented}). Only where every column of the relation concerned is known:
 * nothing is guessed.
 */
final class ColumnImpact {
  private ColumnImpact() {}

  static List<Problem> of(ColumnsTable table, Manifest m, List<Node> nodes) {
    List<Problem> out = new ArrayList<>();
    if (table == null) {
      return out;
    }
    for (Node n : nodes) {
      if (n.type() != ResourceType.MODEL && n.type() != ResourceType.SNAPSHOT) {
        continue;
      }
      ColumnsTable.Entry e = table.entry(n.uniqueId()).orElse(null);
      if (e == null || e.inferred() == null || !e.inferred().parsed()) {
        continue;
      }
      unknownReads(m, n, e.inferred(), out);
      usedDownstream(table, m, n, e, out);
      if (e.inferred().output().complete()) {
        yaml(n, e.inferred(), out);
      }
    }
    return out;
  }

  private static void unknownReads(Manifest m, Node n, QueryColumns q, List<Problem> out) {
    LineIndex lines = null;
    for (QueryColumns.MissingColumn mc : q.missing()) {
      Node parent = m.nodes().get(mc.relation());
      String name = parent == null ? mc.relation() : parent.name();
      if (lines == null) {
        lines = new LineIndex(n.file().text());
      }
      Span at = mc.start() < 0 ? new Span(0, 0, 0, 0) : lines.span(mc.start(), mc.end());
      out.add(
          Problem.at(
              n.displayPath(),
              at,
              ProblemCode.COLUMN_UNKNOWN,
              name + " has no column " + mc.column() + " (all its columns are known)"));
    }
  }

  /** Children that read a column of {@code n} which {@code n} does not produce. */
  private static void usedDownstream(
      ColumnsTable table, Manifest m, Node n, ColumnsTable.Entry e, List<Problem> out) {
    if (!e.known().complete()) {
      return;
    }
    Map<String, Set<String>> users = new LinkedHashMap<>();
    for (String child : m.dag().childrenOf(n.uniqueId())) {
      ColumnsTable.Entry c = table.entry(child).orElse(null);
      if (c == null || c.inferred() == null) {
        continue;
      }
      for (QueryColumns.MissingColumn mc : c.inferred().missing()) {
        if (n.uniqueId().equals(mc.relation())) {
          users
              .computeIfAbsent(mc.column().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
              .add(c.node().name());
        }
      }
    }
    Span top = new Span(0, 0, 0, Math.max(0, firstLineLength(n.file().text())));
    users.forEach(
        (column, models) ->
            out.add(
                Problem.at(
                    n.displayPath(),
                    top,
                    ProblemCode.COLUMN_USED_DOWNSTREAM,
                    n.name()
                        + " does not produce column "
                        + column
                        + ", which is used by "
                        + models.size()
                        + (models.size() == 1 ? " model: " : " models: ")
                        + String.join(", ", models))));
  }

  private static int firstLineLength(String text) {
    int nl = text.indexOf('\n');
    return (nl < 0 ? text.length() : nl);
  }

  /**
   * YAML columns the SQL does not produce; produced columns YAML leaves out (when it lists any).
   */
  private static void yaml(Node n, QueryColumns q, List<Problem> out) {
    if (n.columns().isEmpty() || !(n.extra().get(Node.PROPERTIES_FILE) instanceof String yaml)) {
      return;
    }
    Set<String> produced = new HashSet<>();
    q.output().columns().forEach(c -> produced.add(c.name().toLowerCase(Locale.ROOT)));
    Set<String> documented = new HashSet<>();
    for (ColumnSpec spec : n.columns()) {
      String name = NodeColumns.unquoted(spec.name()).toLowerCase(Locale.ROOT);
      documented.add(name);
      if (!produced.contains(name) && spec.span() != null) {
        out.add(
            Problem.at(
                yaml,
                spec.span(),
                ProblemCode.COLUMN_NOT_PRODUCED,
                n.name()
                    + " does not produce column "
                    + spec.name()
                    + " (its SQL's columns are "
                    + String.join(", ", q.output().names())
                    + ")"));
      }
    }
    LineIndex lines = null;
    for (InferredColumn c : q.output().columns()) {
      if (documented.contains(c.name().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Origin o = c.nameOrigin();
      if (o == null || o.kind() != Origin.Kind.SQL || o.start() < 0) {
        continue; // produced by a * of a parent: documented there, or one place for all of them
      }
      if (lines == null) {
        lines = new LineIndex(n.file().text());
      }
      out.add(
          Problem.at(
              n.displayPath(),
              lines.span(o.start(), o.end()),
              ProblemCode.COLUMN_UNDOCUMENTED,
              "column "
                  + c.name()
                  + (c.type() == null ? "" : " (" + c.type() + ")")
                  + " is not in "
                  + n.name()
                  + "'s YAML"));
    }
  }
}
