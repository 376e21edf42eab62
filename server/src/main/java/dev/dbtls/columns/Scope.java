package dev.dbtls.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The relations one {@code select} reads (its {@code from} and joins), by alias, each with its
 * columns as far as they are known; {@code outer} is the enclosing query's scope (correlated
 * subqueries). Later select items may use earlier aliases (lateral column aliases).
 */
final class Scope {
  /**
   * A relation in a {@code from}: {@code alias} is what the query calls it, {@code shape} its
   * columns, {@code skipInStar} columns a {@code using}/natural join merged away.
   */
  record Relation(String alias, Shape shape, List<String> skipInStar, String parentId) {
    RelationColumns columns() {
      return shape.relationColumns();
    }
  }

  final Scope outer;
  final List<Relation> relations = new ArrayList<>();
  final List<InferredColumn> earlierItems = new ArrayList<>();

  Scope(Scope outer) {
    this.outer = outer;
  }

  Optional<Relation> relation(String alias) {
    for (Relation r : relations) {
      if (r.alias() != null && r.alias().equalsIgnoreCase(alias)) {
        return Optional.of(r);
      }
    }
    return outer == null ? Optional.empty() : outer.relation(alias);
  }

  /** {@code qualifier.name} or {@code name}: the column it reads, if the query says which. */
  Optional<InferredColumn> resolve(String qualifier, String name) {
    if (qualifier != null) {
      Optional<Relation> r = relation(qualifier);
      return r.isEmpty() ? Optional.empty() : in(r.get(), name);
    }
    for (Relation r : relations) {
      Optional<InferredColumn> c = r.columns().column(name);
      if (c.isPresent()) {
        return c;
      }
    }
    List<Relation> open = relations.stream().filter(r -> !r.columns().complete()).toList();
    if (open.isEmpty()) {
      for (InferredColumn c : earlierItems) {
        if (c.name() != null && c.name().equalsIgnoreCase(name)) {
          return Optional.of(c);
        }
      }
      return outer == null ? Optional.empty() : outer.resolve(null, name);
    }
    if (open.size() == 1) {
      return in(open.get(0), name);
    }
    // several relations could have it: the name is known, not where it comes from
    return Optional.of(new InferredColumn(name, null, null, null, List.of()));
  }

  /**
   * After {@link #resolve} found nothing: the parent relation that lacks the column although all
   * its columns are known (qualified by its alias, or the only relation of the query); else empty
   * (a name of an outer query, a struct field, something we cannot judge).
   */
  Optional<Relation> lacking(String qualifier, String name) {
    Relation r = null;
    if (qualifier != null) {
      r =
          relations.stream()
              .filter(x -> x.alias() != null && x.alias().equalsIgnoreCase(qualifier))
              .findFirst()
              .orElse(null);
    } else if (relations.size() == 1 && outer == null) {
      r = relations.get(0);
    }
    if (r == null
        || r.parentId() == null
        || !r.columns().complete()
        || r.columns().column(name).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(r);
  }

  private static Optional<InferredColumn> in(Relation r, String name) {
    Optional<InferredColumn> c = r.columns().column(name);
    if (c.isPresent() || r.columns().complete()) {
      return c;
    }
    // an open relation: the column is taken to be one of its unknown ones, which come from one
    // parent when only one parent's unknown columns flow into it
    List<String> from = r.shape().openTo();
    List<Upstream> up =
        from.size() == 1
            ? List.of(new Upstream(from.get(0), name, EdgeKind.PASSED_THROUGH))
            : List.of();
    return Optional.of(new InferredColumn(name, null, null, null, up));
  }
}
