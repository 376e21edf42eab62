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

  // equals and hashCode written out: a record's own go through method handles, which the quick
  // (C1) compiler the server runs on does not inline; Shared.value compares every column's
  // upstream with them (a first inference of 10k models: ~1 % of its CPU in the handles alone)

  @Override
  public boolean equals(Object o) {
    return o instanceof Upstream u
        && kind == u.kind
        && java.util.Objects.equals(relation, u.relation)
        && java.util.Objects.equals(column, u.column);
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(relation) * 31 + java.util.Objects.hashCode(column)) * 31
        + (kind == null ? 0 : kind.ordinal());
  }
}
