package dev.dbtls.project.yaml;

import dev.dbtls.project.Span;

/** A YAML value that remembers where it stands in its file, for navigation and problems. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
  Span span();

  /** The value as plain Java: Map (ordered), List, String, Long, Double, Boolean or null. */
  Object toPlain();

  /** This node as a map, or an empty map (so lookups on malformed YAML never fail). */
  default YamlMap asMap() {
    return this instanceof YamlMap m ? m : YamlMap.empty(span());
  }

  default YamlList asList() {
    return this instanceof YamlList l ? l : YamlList.empty(span());
  }

  /** The scalar's text, or null when this is not a scalar or is null. */
  default String text() {
    return this instanceof YamlScalar s && s.value() != null ? String.valueOf(s.value()) : null;
  }
}
