package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.util.ArrayList;
import java.util.Collection;

/**
 * A list that prints the way a Python view or range does: {@code dict_items([...])}, {@code
 * range(0, 3)}. PyishSerializable keeps Jinjava from rewrapping it as a plain list.
 */
final class PyView extends ArrayList<Object> implements PyishSerializable {
  /** {@code dict_items} and friends; null for a range, whose text is fixed. */
  private final String kind;

  private final String range;

  private PyView(Collection<?> items, String kind, String range) {
    super(items);
    this.kind = kind;
    this.range = range;
  }

  /**
   * {@code dict_keys([...])} and friends: a snapshot of the items. Its text is made only when it is
   * printed: macros walk {@code graph.nodes.values()} for every node, and printing the whole graph
   * each time made one project's compile 30 s.
   */
  static PyView of(String kind, Collection<?> items) {
    return new PyView(items, kind, null);
  }

  static PyView range(Collection<?> items, long start, long stop, long step) {
    return new PyView(
        items, null, "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")");
  }

  @Override
  public String toString() {
    return kind == null ? range : kind + "(" + PyValues.repr(new ArrayList<>(this)) + ")";
  }
}
