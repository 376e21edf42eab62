package dev.dbtls.columns;

/**
 * Where a column's name or type came from. For {@link Kind#SQL}, {@code start}/{@code end} is the
 * expression's range in the SQL that was inferred (-1 otherwise); for the others {@code relation}
 * is the node whose YAML, catalog entry or inferred columns said it.
 */
public record Origin(Kind kind, String relation, int start, int end) {
  public Origin {
    // a node's id, one string for the columns of all its children (100k models: 338,000 copies)
    relation = dev.dbtls.project.Shared.name(relation);
  }

  // written out for the quick compiler, as Upstream's

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin x
        && kind == x.kind
        && start == x.start
        && end == x.end
        && java.util.Objects.equals(relation, x.relation);
  }

  @Override
  public int hashCode() {
    return ((java.util.Objects.hashCode(relation) * 31 + start) * 31 + end) * 31
        + (kind == null ? 0 : kind.ordinal());
  }

  public enum Kind {
    /** an expression of the SQL (its alias, a cast, a literal, a function) */
    SQL,
    /** property YAML ({@code columns:} with {@code data_type}) */
    YAML,
    /** {@code target/catalog.json} */
    CATALOG,
    /** columns the database explorer read from the warehouse */
    WAREHOUSE,
    /** a parent's columns, as far as they are known, passed on by {@code *} or by name */
    PARENT,
    /** a CSV seed's header row */
    SEED_FILE
  }

  public static Origin sql(int start, int end) {
    return new Origin(Kind.SQL, null, start, end);
  }

  public static Origin of(Kind kind, String relation) {
    return new Origin(kind, relation, -1, -1);
  }
}
