package dev.dbtls.project.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** A YAML tree as the Jackson tree a JSON schema validates, and the way back by instance path. */
final class YamlJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlJson() {}

  static JsonNode toJson(YamlNode node) {
    if (node == null) {
      return NODES.nullNode();
    }
    if (node instanceof YamlMap m) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
        out.set(e.getKey(), toJson(e.getValue()));
      }
      return out;
    }
    if (node instanceof YamlList l) {
      ArrayNode out = NODES.arrayNode(l.items().size());
      for (YamlNode item : l.items()) {
        out.add(toJson(item));
      }
      return out;
    }
    return scalar(((YamlScalar) node).value());
  }

  private static JsonNode scalar(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (v instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (v instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    // dates and timestamps stay strings, as dbt's validator lets PyYAML's dates pass for strings
    return NODES.textNode(String.valueOf(v));
  }

  /** The node at an instance path, or null when the path leaves the tree. */
  static YamlNode at(YamlNode root, List<Object> path) {
    YamlNode n = root;
    for (Object p : path) {
      if (n instanceof YamlMap m && p instanceof String k) {
        n = m.get(k);
      } else if (n instanceof YamlList l
          && p instanceof Integer i
          && i >= 0
          && i < l.items().size()) {
        n = l.items().get(i);
      } else {
        return null;
      }
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  /** True for a value dbt renders before it validates: a string with Jinja in it. */
  static boolean isJinja(YamlNode node) {
    return node instanceof YamlScalar s
        && s.value() instanceof String text
        && (text.contains("{{") || text.contains("{%"));
  }
}
