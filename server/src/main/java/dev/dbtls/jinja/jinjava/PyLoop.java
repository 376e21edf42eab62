package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.util.List;
import java.util.Map;

/** Jinja2's {@code loop} variable: index, first, last, length, cycle(), previtem, nextitem. */
final class PyLoop implements PyObject {
  private final List<Object> items;
  private final int depth;
  private int index0 = -1;
  private Object lastChanged = PyObject.MISSING;

  PyLoop(List<Object> items, int depth) {
    this.items = items;
    this.depth = depth;
  }

  boolean advance() {
    return ++index0 < items.size();
  }

  Object current() {
    return items.get(index0);
  }

  @Override
  public Object attr(String name) {
    int n = items.size();
    return switch (name) {
      case "index" -> (long) index0 + 1;
      case "index0" -> (long) index0;
      case "revindex" -> (long) (n - index0);
      case "revindex0" -> (long) (n - index0 - 1);
      case "first" -> index0 == 0;
      case "last" -> index0 == n - 1;
      case "length" -> (long) n;
      case "depth" -> (long) depth;
      case "depth0" -> (long) depth - 1;
      case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.INSTANCE;
      case "nextitem" -> index0 + 1 < n ? items.get(index0 + 1) : Undefined.INSTANCE;
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    if (method.equals("changed")) {
      boolean changed = !args.equals(lastChanged);
      lastChanged = args;
      return changed;
    }
    if (method.equals("cycle")) {
      return args.isEmpty() ? Undefined.INSTANCE : args.get(index0 % args.size());
    }
    return MISSING;
  }

  @Override
  public String toString() {
    return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
  }
}
