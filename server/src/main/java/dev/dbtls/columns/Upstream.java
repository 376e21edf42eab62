package dev.dbtls.columns;

/**
 * A column this one derives from: {@code relation} is the parent's id as {@link ParentRelations}
 * gave it (dbt's unique id), or the relation's name as written when it is no known parent; null
 * when the SQL does not say which relation (an unqualified name over several open relations).
 */
public record Upstream(String relation, String column, EdgeKind kind) {
  public Upstream {
    relation = dev.dbtls.project.Shared.name(relation);
    column = dev.dbtls.project.Shared.name(column);
  }
}
