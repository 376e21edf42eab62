package dev.dbtls.mcp;

import java.util.List;
import java.util.Map;

/** A tool call's arguments, read with a clear message when one is missing or of the wrong kind. */
record Arguments(Map<String, Object> values) {
  Arguments {
    values = values == null ? Map.of() : values;
  }

  String string(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new ToolInputException("'" + name + "' must be a string");
    }
    return s.isBlank() ? null : s;
  }

  String required(String name) {
    String s = string(name);
    if (s == null) {
      throw new ToolInputException("'" + name + "' is required");
    }
    return s;
  }

  int integer(String name, int fallback, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new ToolInputException("'" + name + "' must be a whole number");
    }
    return (int) Math.max(min, Math.min(max, n.longValue()));
  }

  boolean flag(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
      throw new ToolInputException("'" + name + "' must be a list of strings");
    }
    return l.stream().map(String.class::cast).toList();
  }

  /** A bad argument: the agent is told what to change (a tool error, not a protocol error). */
  static final class ToolInputException extends RuntimeException {
    ToolInputException(String message) {
      super(message);
    }
  }
}
