package dev.dbtls.jinja;

import java.util.List;
import java.util.Map;

/**
 * A Java value that templates call like a Python function: {@code ref('a')}, {@code var('x',
 * default=1)}. Positional and keyword arguments arrive as given.
 */
@FunctionalInterface
public interface JinjaCallable {
  Object call(List<Object> args, Map<String, Object> kwargs);
}
