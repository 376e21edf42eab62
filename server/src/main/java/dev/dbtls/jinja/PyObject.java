package dev.dbtls.jinja;

import java.util.List;
import java.util.Map;

/**
 * A Java value that templates use like a Python object: {@code config.get('k', default=1)}, {@code
 * this.identifier}. The engine routes attribute reads and method calls here.
 */
public interface PyObject {
  /** Marker for "this object has no such attribute"; the engine treats it as undefined. */
  Object MISSING =
      new Object() {
        @Override
        public String toString() {
          return "<missing>";
        }
      };

  /** The attribute's value, or {@link #MISSING}. */
  Object attr(String name);

  /** Calls a method; returns {@link #MISSING} when there is no such method. */
  Object call(String method, List<Object> args, Map<String, Object> kwargs);
}
