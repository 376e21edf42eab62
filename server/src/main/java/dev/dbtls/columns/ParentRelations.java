package dev.dbtls.columns;

import java.util.List;
import java.util.Optional;

/**
 * What the inference asks of the project: which parent a relation name of the SQL is (its parts
 * unquoted, e.g. {@code [db, main, orders]}), and that parent's columns as far as they are known.
 */
public interface ParentRelations {
  /** A parent: its id (dbt's unique id) and its columns. */
  record Parent(String id, RelationColumns columns) {}

  Optional<Parent> find(List<String> nameParts);

  /**
   * The node a CTE of the SQL stands for, when the compiler put it there (dbt inlines an ephemeral
   * model as {@code __dbt__cte__<name>}): its columns are then that node's, with edges to it, and
   * the CTE's body is left to the node's own inference.
   */
  default Optional<Parent> cte(String name) {
    return Optional.empty();
  }

  /** No parent is known: every relation's columns are unknown. */
  ParentRelations NONE = parts -> Optional.empty();
}
