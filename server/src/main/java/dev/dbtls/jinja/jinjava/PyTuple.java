package dev.dbtls.jinja.jinjava;

import java.util.ArrayList;
import java.util.Collection;

/** A Python tuple: a list that prints with parentheses. */
final class PyTuple extends ArrayList<Object> {
  PyTuple(Collection<?> items) {
    super(items);
  }
}
