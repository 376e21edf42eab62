package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.util.List;
import java.util.Map;

/** A PyObject made of named attributes, where callable attributes are its methods. */
record PyObjects(String name, Map<String, Object> attributes) implements PyObject {
  @Override
  public Object attr(String key) {
    return attributes.containsKey(key) ? attributes.get(key) : MISSING;
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return attributes.get(method) instanceof JinjaCallable c ? c.call(args, kwargs) : MISSING;
  }

  @Override
  public String toString() {
    return "<" + name + ">";
  }
}
