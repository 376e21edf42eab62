package dev.dbtls.ide;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.properties.SemanticElement;
import dev.dbtls.project.properties.SemanticModelSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A semantic model's entities, dimensions and measures against its model's columns ({@code
 * semantic-column-unknown}): only where every column of the model is known (catalog.json, else the
 * columns inferred from its SQL when complete) and only for an element that reads one column by
 * name (an {@code expr} that is an expression or a literal is not checked).
 */
final class SemanticColumns {
  private SemanticColumns() {}

  static List<Problem> of(Manifest m, ColumnsTable table, Catalog catalog) {
    List<Problem> out = new ArrayList<>();
    for (Node n : m.semanticNodes(ResourceType.SEMANTIC_MODEL)) {
      if (!(n.extra().get(Node.SEMANTIC_SPEC) instanceof SemanticModelSpec spec)) {
        continue;
      }
      Node model =
          n.dependsOn().stream()
              .map(m.nodes()::get)
              .filter(x -> x != null)
              .findFirst()
              .orElse(null);
      Set<String> known = model == null ? null : known(model, table, catalog);
      if (known == null) {
        continue;
      }
      for (SemanticElement e : spec.elements()) {
        if (e.readsOneColumn() && !known.contains(e.column().toLowerCase(Locale.ROOT))) {
          out.add(
              Problem.at(
                  spec.file(),
                  e.exprSpan(),
                  ProblemCode.SEMANTIC_COLUMN_UNKNOWN,
                  e.kind().dbtName()
                      + " '"
                      + e.name()
                      + "' of semantic model '"
                      + spec.name()
                      + "' reads column '"
                      + e.column()
                      + "', which "
                      + model.type().dbtName()
                      + " '"
                      + model.name()
                      + "' does not produce"
                      + dev.dbtls.index.DidYouMean.suffix(e.column(), known)));
        }
      }
    }
    return out;
  }

  /** Every column of the model, lower case, or null when they are not all known. */
  private static Set<String> known(Node model, ColumnsTable table, Catalog catalog) {
    Set<String> out = new HashSet<>();
    List<Catalog.Column> warehouse =
        catalog == null ? List.of() : catalog.columns(model.uniqueId());
    if (!warehouse.isEmpty()) {
      warehouse.forEach(c -> out.add(c.name().toLowerCase(Locale.ROOT)));
      return out;
    }
    ColumnsTable.Entry e = table == null ? null : table.entry(model.uniqueId()).orElse(null);
    if (e == null || e.known() == null || !e.known().complete() || e.known().columns().isEmpty()) {
      return null;
    }
    for (InferredColumn c : e.known().columns()) {
      out.add(c.name().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
