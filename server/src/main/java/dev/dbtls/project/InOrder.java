package dev.dbtls.project;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Equality that also takes the order of a map's keys, within lists, maps and records: a YAML dict
 * whose keys were reordered is not the same value, since dbt keeps the order it was written in (a
 * model's {@code meta} as the manifest and a hover show it). {@link Map#equals} ignores the order,
 * so an object kept for an equal one ({@link Shared#config}, a rebuild's unchanged nodes) would
 * keep the order the project had before.
 */
public final class InOrder {
  private InOrder() {}

  /** Whether {@code a} and {@code b} are equal, maps also key for key in the same order. */
  public static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Map<?, ?> x) {
      return b instanceof Map<?, ?> y && x.size() == y.size() && sameEntries(x, y);
    }
    if (a instanceof List<?> x) {
      return b instanceof List<?> y && x.size() == y.size() && sameElements(x, y);
    }
    if (a instanceof Record && a.getClass() == b.getClass()) {
      Method[] parts = PARTS.get(a.getClass());
      return parts == null ? a.equals(b) : sameParts(parts, a, b);
    }
    return a.equals(b);
  }

  private static boolean sameEntries(Map<?, ?> x, Map<?, ?> y) {
    Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
    Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
    while (i.hasNext() && j.hasNext()) {
      Map.Entry<?, ?> e = i.next();
      Map.Entry<?, ?> f = j.next();
      if (!Objects.equals(e.getKey(), f.getKey()) || !equal(e.getValue(), f.getValue())) {
        return false;
      }
    }
    return !i.hasNext() && !j.hasNext();
  }

  private static boolean sameElements(List<?> x, List<?> y) {
    for (int k = 0; k < x.size(); k++) {
      if (!equal(x.get(k), y.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameParts(Method[] parts, Object a, Object b) {
    try {
      for (Method m : parts) {
        if (!equal(m.invoke(a), m.invoke(b))) {
          return false;
        }
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // not compared: not the same
    }
  }

  /**
   * A record class's accessors, or null when its {@code equals} takes every order already: each
   * component a primitive, a string, an enum or such a record (a span, a ref call, a relation
   * name).
   */
  private static final ClassValue<Method[]> PARTS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          if (flat(type)) {
            return null;
          }
          RecordComponent[] components = type.getRecordComponents();
          Method[] out = new Method[components.length];
          for (int k = 0; k < components.length; k++) {
            out[k] = components[k].getAccessor();
            out[k].setAccessible(true);
          }
          return out;
        }
      };

  private static boolean flat(Class<?> type) {
    if (type.isPrimitive()
        || type == String.class
        || type.isEnum()
        || type == Boolean.class
        || type == Integer.class
        || type == Long.class
        || type == Double.class) {
      return true;
    }
    if (!type.isRecord()) {
      return false;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getType() != type && !flat(c.getType())) {
        return false;
      }
    }
    return true;
  }
}
