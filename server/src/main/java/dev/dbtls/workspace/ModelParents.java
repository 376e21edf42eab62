package dev.dbtls.workspace;

import dev.dbtls.columns.ParentRelations;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The relations a model's compiled SQL may name, resolved to its parents: a parent by its relation
 * name, an ephemeral parent by the CTE dbt inlines it as, and through an ephemeral parent the
 * relations that one reads.
 */
final class ModelParents {
  private ModelParents() {}

  /** {@code parents} by the relation names the compiled SQL uses. */
  static ParentRelations relations(List<ColumnsKey.Parent> parents) {
    return new ParentRelations() {
      @Override
      public Optional<Parent> find(List<String> parts) {
        for (ColumnsKey.Parent p : parents) {
          if (p.node().relation() != null && matches(p.node().relation(), parts)) {
            return Optional.of(new Parent(p.node().uniqueId(), p.columns()));
          }
        }
        return Optional.empty();
      }

      @Override
      public Optional<Parent> cte(String name) {
        for (ColumnsKey.Parent p : parents) {
          if ("ephemeral".equals(p.node().materialized())
              && (name.equalsIgnoreCase(EPHEMERAL_CTE + p.node().name())
                  || p.node().relation() != null
                      && name.equalsIgnoreCase(EPHEMERAL_CTE + p.node().relation().identifier()))) {
            return Optional.of(new Parent(p.node().uniqueId(), p.columns()));
          }
        }
        return Optional.empty();
      }
    };
  }

  /** What dbt names the CTE an ephemeral model is inlined as. */
  private static final String EPHEMERAL_CTE = "__dbt__cte__";

  /**
   * Parents, and through ephemeral parents (injected as CTEs; their columns stand for the CTE) the
   * relations they read, for a CTE not recognized as one.
   */
  static void collectParents(Node n, Manifest m, List<Node> out, java.util.Set<String> seen) {
    for (String p : n.dependsOn()) {
      Node parent = m.nodes().get(p);
      if (parent == null || !seen.add(p)) {
        continue;
      }
      if (parent.relation() != null || "ephemeral".equals(parent.materialized())) {
        out.add(parent);
      }
      if ("ephemeral".equals(parent.materialized())) {
        collectParents(parent, m, out, seen);
      }
    }
  }

  private static boolean matches(RelationName r, List<String> parts) {
    int k = parts.size();
    if (k == 0 || !eq(r.identifier(), parts.get(k - 1))) {
      return false;
    }
    return (k < 2 || eq(r.schema(), parts.get(k - 2)))
        && (k < 3 || eq(r.database(), parts.get(k - 3)));
  }

  private static boolean eq(String a, String b) {
    return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
