package dev.dbtls.project.yaml;

import dev.dbtls.project.Span;

/** A scalar: String, Long, Double, Boolean or null, typed the way YAML 1.1 resolves it. */
public record YamlScalar(Object value, Span span) implements YamlNode {
  @Override
  public Object toPlain() {
    return value;
  }
}
