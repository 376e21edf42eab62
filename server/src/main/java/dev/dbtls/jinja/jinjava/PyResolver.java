package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.PyObject;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Attribute and item access the Python way: PyObjects, str[i], negative list indexes, undefined.
 */
final class PyResolver extends ELResolver {
  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null) {
      return null;
    }
    RenderLimits.tick();
    String key = String.valueOf(property);
    Object v = lookup(base, key);
    if (v != PyMethods.NOT_FOUND) {
      context.setPropertyResolved(true);
      return v;
    }
    return null;
  }

  private static Object lookup(Object base, String key) {
    if (base instanceof Undefined) {
      if (base != Undefined.REPORTED) {
        undefinedAccess(key);
      }
      return Undefined.REPORTED;
    }
    if (base instanceof PyObject p) {
      Object v = p.attr(key);
      return v == PyObject.MISSING ? Undefined.INSTANCE : v;
    }
    if (base instanceof Map<?, ?> m) {
      if (m.containsKey(key)) {
        return m.get(key);
      }
      return isInt(key) ? byNumber(m, key) : Undefined.INSTANCE;
    }
    if (base instanceof String s && isInt(key)) {
      int i = Integer.parseInt(key);
      i = i < 0 ? i + s.length() : i;
      return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : Undefined.INSTANCE;
    }
    if (base instanceof List<?> l && isInt(key)) {
      int i = Integer.parseInt(key);
      i = i < 0 ? i + l.size() : i;
      return i >= 0 && i < l.size() ? l.get(i) : Undefined.INSTANCE;
    }
    return PyMethods.NOT_FOUND;
  }

  /** Jinja2 raises here; dbt fails the compile. We report it and carry on with undefined. */
  private static void undefinedAccess(String key) {
    com.hubspot.jinjava.interpret.JinjavaInterpreter i =
        com.hubspot.jinjava.interpret.JinjavaInterpreter.getCurrent();
    if (i instanceof DbtInterpreter d) {
      d.session.problem(
          dev.dbtls.project.ProblemCode.JINJA_RENDER, "'" + key + "' of an undefined value");
    }
  }

  private static Object byNumber(Map<?, ?> m, String key) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getKey() instanceof Number n && String.valueOf(n.longValue()).equals(key)) {
        return e.getValue();
      }
    }
    return Undefined.INSTANCE;
  }

  private static boolean isInt(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = s.charAt(0) == '-' ? 1 : 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.equals("-");
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {}

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return Object.class;
  }
}
