package dev.dbtls.columns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A query's or relation's columns while inferring: items in order, a null name where an expression
 * has none; {@code openTo} the parents (ids or names as written) whose unknown columns flow in
 * through {@code *} when the list is not complete.
 */
record Shape(List<InferredColumn> items, boolean complete, List<String> gaps, List<String> openTo) {

  Shape {
    items = List.copyOf(items);
    gaps = List.copyOf(gaps);
    openTo = List.copyOf(openTo);
  }

  static Shape unknown(String relation, String why) {
    return new Shape(
        List.of(), false, List.of(why), relation == null ? List.of() : List.of(relation));
  }

  /** A parent's columns as its children see them: each passes through from the parent. */
  static Shape ofParent(String id, RelationColumns parent) {
    List<InferredColumn> items = new ArrayList<>();
    for (InferredColumn c : parent.columns()) {
      items.add(
          new InferredColumn(
              c.name(),
              c.type(),
              Origin.of(Origin.Kind.PARENT, id),
              c.type() == null ? null : c.typeOrigin(),
              List.of(new Upstream(id, c.name(), EdgeKind.PASSED_THROUGH))));
    }
    return new Shape(
        items,
        parent.complete(),
        parent.complete() ? List.of() : List.of(id + ": " + String.join("; ", parent.gaps())),
        parent.complete() ? List.of() : List.of(id));
  }

  /** The named columns; an unnamed one makes the list incomplete. */
  RelationColumns relationColumns() {
    List<InferredColumn> named = new ArrayList<>();
    Set<String> gapsOut = new LinkedHashSet<>(gaps);
    for (InferredColumn c : items) {
      if (c.name() == null) {
        gapsOut.add("an expression without a name (alias it with `as`)");
      } else {
        named.add(c);
      }
    }
    boolean whole = complete && named.size() == items.size();
    return new RelationColumns(named, whole, whole ? List.of() : List.copyOf(gapsOut));
  }
}
