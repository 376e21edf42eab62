package dev.dbtls.index.strict;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.util.List;

/**
 * A node whose name has a space (a model file {@code stg supplies.sql}), deprecated in dbt 1.8. No
 * fix: renaming the file renames the model, its relation and every ref to it (dbt-autofix counts it
 * a behaviour change).
 */
final class ResourceNamesWithSpacesDeprecation implements StrictRule {
  private static final String EVENT = "ResourceNamesWithSpacesDeprecation";

  /** What dbt keeps in its manifest's nodes (exposures and sources have their own rules). */
  private static final java.util.Set<ResourceType> NODE_TYPES =
      java.util.EnumSet.of(
          ResourceType.MODEL,
          ResourceType.SEED,
          ResourceType.SNAPSHOT,
          ResourceType.ANALYSIS,
          ResourceType.TEST);

  @Override
  public void check(StrictFile file, List<Deprecation> out) {
    if (file.kind() != StrictFile.Kind.RESOURCE) {
      return;
    }
    String root = file.snapshot().inputs().root().name();
    for (Node n : file.snapshot().manifest().nodesInFile(file.displayPath())) {
      if (n.name() == null
          || !n.name().contains(" ")
          || !root.equals(n.packageName())
          || !NODE_TYPES.contains(n.type())) {
        continue;
      }
      Span at = n.span() == null ? new Span(0, 0, 0, 0) : n.span();
      out.add(
          new Deprecation(
              file.problem(
                  ProblemCode.RESOURCE_NAMES_WITH_SPACES,
                  EVENT,
                  at,
                  "Found spaces in the name of `" + n.uniqueId() + "`")));
    }
  }
}
