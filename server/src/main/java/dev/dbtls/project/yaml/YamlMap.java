package dev.dbtls.project.yaml;

import dev.dbtls.project.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML mapping with string keys, in file order, with the span of each key. */
public record YamlMap(Map<String, YamlNode> entries, Map<String, Span> keySpans, Span span)
    implements YamlNode {

  public static YamlMap empty(Span span) {
    return new YamlMap(Map.of(), Map.of(), span);
  }

  public YamlNode get(String key) {
    return entries.get(key);
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public String string(String key) {
    YamlNode n = entries.get(key);
    return n == null ? null : n.text();
  }

  public YamlMap map(String key) {
    YamlNode n = entries.get(key);
    return n == null ? empty(span) : n.asMap();
  }

  public YamlList list(String key) {
    YamlNode n = entries.get(key);
    return n == null ? YamlList.empty(span) : n.asList();
  }

  /** A list of strings, accepting a single string too (as dbt does for tags). */
  public List<String> strings(String key) {
    YamlNode n = entries.get(key);
    if (n == null) {
      return List.of();
    }
    if (n instanceof YamlScalar) {
      return n.text() == null ? List.of() : List.of(n.text());
    }
    return n.asList().texts();
  }

  public Span keySpan(String key) {
    Span s = keySpans.get(key);
    return s != null ? s : span;
  }

  /** Plain map of a child mapping, empty when absent or not a mapping. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> plainMap(String key) {
    YamlNode n = entries.get(key);
    return n instanceof YamlMap m ? (Map<String, Object>) m.toPlain() : Map.of();
  }

  @Override
  public Object toPlain() {
    Map<String, Object> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k, v.toPlain()));
    return Collections.unmodifiableMap(out);
  }
}
