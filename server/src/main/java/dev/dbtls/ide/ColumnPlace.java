package dev.dbtls.ide;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.index.Node;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.Optional;

/**
 * Where a node produces a column: the SQL expression of its select list (when the template holds
 * it), else its entry in property YAML, else a seed's header. Go-to-definition of a column and the
 * column lineage's places.
 */
final class ColumnPlace {
  private ColumnPlace() {}

  static Optional<Location> of(Node n, InferredColumn inferred, String column) {
    if (inferred != null
        && inferred.nameOrigin() != null
        && inferred.nameOrigin().kind() == Origin.Kind.SQL
        && inferred.nameOrigin().start() >= 0
        && n.file() != null
        && n.file().text() != null) {
      String text = n.file().text();
      int s = Math.min(inferred.nameOrigin().start(), text.length());
      int e = Math.min(Math.max(s, inferred.nameOrigin().end()), text.length());
      return Optional.of(new Location(n.displayPath(), new LineIndex(text).span(s, e)));
    }
    for (ColumnSpec spec : n.columns()) {
      if (NodeColumns.unquoted(spec.name()).equalsIgnoreCase(column)
          && spec.span() != null
          && n.extra().get(Node.PROPERTIES_FILE) instanceof String yaml) {
        return Optional.of(new Location(yaml, spec.span()));
      }
    }
    if (inferred != null
        && inferred.nameOrigin() != null
        && inferred.nameOrigin().kind() == Origin.Kind.SEED_FILE
        && n.displayPath() != null) {
      return Optional.of(new Location(n.displayPath(), new dev.dbtls.project.Span(0, 0, 0, 0)));
    }
    return Optional.empty();
  }
}
