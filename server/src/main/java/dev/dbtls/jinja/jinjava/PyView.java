package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.util.ArrayList;
import java.util.Collection;

/**
 * A list that prints the way a Python view or range does: {@code dict_items([...])}, {@code
 * range(0, 3)}. PyishSerializable keeps Jinjava from rewrapping it as a plain list.
 */
final class PyView extends ArrayList<Object> implements PyishSerializable {
  final String repr;

  private PyView(Collection<?> items, String repr) {
    super(items);
    this.repr = repr;
  }

  /** {@code dict_keys([...])} and friends: a snapshot, so its repr is fixed. */
  static PyView of(String kind, Collection<?> items) {
    return new PyView(items, kind + "(" + PyValues.repr(new ArrayList<>(items)) + ")");
  }

  static PyView range(Collection<?> items, long start, long stop, long step) {
    return new PyView(items, "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")");
  }

  @Override
  public String toString() {
    return repr;
  }
}
