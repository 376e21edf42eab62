package dev.dbtls.project.schema;

import dev.dbtls.project.Span;
import java.util.List;

/**
 * One place where a YAML file breaks dbt's JSON schema, sorted the way dbt 1.10+ sorts them
 * (core/dbt/jsonschemas: each kind is a deprecation of its own).
 *
 * @param path the instance path: map keys (String) and list indexes (Integer); for an unknown key,
 *     the path of the mapping that holds it
 * @param key the unknown key, or null for other kinds
 * @param span where to show it: the key for an unknown key, the value for a wrong value
 */
public record SchemaViolation(Kind kind, List<Object> path, String key, Span span, String message) {

  public enum Kind {
    /** A key the schema does not know at the top of a file. */
    CUSTOM_TOP_LEVEL_KEY,
    /** A key no config has, under {@code config:} or as a {@code +key} in dbt_project.yml. */
    CUSTOM_KEY_IN_CONFIG,
    /** A key an entry (model, source, column, ...) does not have. */
    CUSTOM_KEY_IN_OBJECT,
    /** A config (tags, meta, freshness, ...) written beside {@code config:} instead of in it. */
    PROPERTY_MOVED_TO_CONFIG,
    /** A generic test's argument written beside its configs instead of under {@code arguments:}. */
    MISSING_ARGUMENTS_PROPERTY,
    /** A config in dbt_project.yml written without its {@code +}. */
    MISSING_PLUS_PREFIX,
    /** Everything else: a wrong type, a value not in the enumeration, a missing required key. */
    GENERIC
  }

  /** The path as dbt prints it: {@code models[0].config}. */
  public String pathText() {
    return pathText(path);
  }

  static String pathText(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object p : path) {
      if (p instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(p);
      }
    }
    return out.toString();
  }
}
