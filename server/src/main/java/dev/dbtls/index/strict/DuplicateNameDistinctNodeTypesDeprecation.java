package dev.dbtls.index.strict;

import dev.dbtls.index.Node;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.util.List;

/**
 * Two unversioned resources of one package with the same name but different types (a model and a
 * seed both {@code sales}): dbt v2 refuses them (its {@code
 * require_unique_project_resource_names}). Reported on each, naming the other. No fix: one of them
 * must be renamed, and refs with it.
 */
final class DuplicateNameDistinctNodeTypesDeprecation implements StrictRule {
  private static final String EVENT = "DuplicateNameDistinctNodeTypesDeprecation";

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (file.kind() != StrictFile.Kind.RESOURCE) {
      return;
    }
    var manifest = file.snapshot().manifest();
    for (Node n : manifest.nodesInFile(file.displayPath())) {
      if (n.version() != null || n.name() == null) {
        continue;
      }
      for (Node other : manifest.refableByName().getOrDefault(n.name(), List.of())) {
        if (other == n
            || other.type() == n.type()
            || other.version() != null
            || !other.packageName().equals(n.packageName())
            || !manifest.refableByName().getOrDefault(n.name(), List.of()).contains(n)) {
          continue;
        }
        Span at = n.span() == null ? new Span(0, 0, 0, 0) : n.span();
        out.add(
            new Deprecation(
                file.problem(
                    ProblemCode.DUPLICATE_NAME_DISTINCT_NODE_TYPES_DEPRECATION,
                    EVENT,
                    at,
                    "Found resources with the same name '"
                        + n.name()
                        + "' in package '"
                        + n.packageName()
                        + "': '"
                        + n.uniqueId()
                        + "' and '"
                        + other.uniqueId()
                        + "'. Please update one of the resources to have a unique name.")));
        break;
      }
    }
  }
}
