package dev.dbtls.warehouse;

import dev.dbtls.project.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Typed reads of a profile target's fields, tolerant of YAML's types (a port may be "5432"). */
record TargetFields(Target target, Path projectDir) {

  String string(String... keys) {
    for (String k : keys) {
      Object v = target.fields().get(k);
      if (v != null && !String.valueOf(v).isBlank()) {
        return String.valueOf(v);
      }
    }
    return null;
  }

  String stringOr(String key, String fallback) {
    String v = string(key);
    return v == null ? fallback : v;
  }

  int integer(String key, int fallback) {
    Object v = target.fields().get(key);
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return v == null ? fallback : Integer.parseInt(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' must be a number, not '" + v + "'");
    }
  }

  boolean bool(String key, boolean fallback) {
    Object v = target.fields().get(key);
    return v == null
        ? fallback
        : v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String key) {
    Object v = target.fields().get(key);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  List<?> list(String key) {
    Object v = target.fields().get(key);
    return v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
  }

  /** A path as dbt adapters read it: relative to the project folder (where dbt runs). */
  Path path(String value) {
    String p =
        value.startsWith("~/") ? System.getProperty("user.home") + value.substring(1) : value;
    Path path = Path.of(p);
    return (path.isAbsolute() ? path : projectDir.resolve(path)).normalize();
  }

  /** Sets the driver's {@code property} to the profile's {@code field} when the profile has it. */
  void copy(java.util.Properties props, String field, String property) {
    String v = string(field);
    if (v != null) {
      props.setProperty(property, v);
    }
  }
}
