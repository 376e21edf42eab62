package dev.dbtls.project.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a schema says of the keys at a place in a YAML file: which keys the mapping at a path takes,
 * and each key's description. A path is map keys (String) and list indexes (Integer); every branch
 * of an {@code anyOf}/{@code oneOf} counts, so the keys of all forms a value may take are offered.
 */
public final class SchemaKeys {
  private static final int MAX_DEPTH = 64;

  private SchemaKeys() {}

  /** A key the schema allows, with its description (empty when the schema has none). */
  public record Key(String name, String description) {}

  /** The keys the mapping at {@code path} takes, in schema order; empty where none is known. */
  public static List<Key> keysAt(DbtSchema schema, List<Object> path) {
    try {
      JsonNode doc = schema.document();
      Map<String, Key> out = new LinkedHashMap<>();
      for (JsonNode alt : nodesAt(doc, schema.root(), path)) {
        alt.path("properties")
            .fields()
            .forEachRemaining(
                e -> out.putIfAbsent(e.getKey(), new Key(e.getKey(), describe(doc, e.getValue()))));
      }
      return List.copyOf(out.values());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** The description of {@code key} in the mapping at {@code path}, or null when none. */
  public static String description(DbtSchema schema, List<Object> path, String key) {
    for (Key k : keysAt(schema, path)) {
      if (k.name().equals(key) && !k.description().isEmpty()) {
        return k.description();
      }
    }
    return null;
  }

  /** The object schemas a value at {@code path} may be validated by. */
  private static List<JsonNode> nodesAt(JsonNode doc, JsonNode root, List<Object> path) {
    List<JsonNode> current = alternatives(doc, root, 0);
    for (Object step : path) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode alt : current) {
        if (step instanceof String key) {
          JsonNode prop = alt.path("properties").get(key);
          if (prop != null) {
            next.addAll(alternatives(doc, prop, 0));
          } else if (alt.path("additionalProperties").isObject()) {
            next.addAll(alternatives(doc, alt.get("additionalProperties"), 0));
          }
        } else if (alt.path("items").isObject()) {
          next.addAll(alternatives(doc, alt.get("items"), 0));
        }
      }
      current = next;
      if (current.isEmpty()) {
        break;
      }
    }
    return current;
  }

  /** A schema with its references followed and its anyOf/oneOf/allOf spread out. */
  private static List<JsonNode> alternatives(JsonNode doc, JsonNode node, int depth) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || depth > MAX_DEPTH || !node.isObject()) {
      return out;
    }
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (ref.startsWith("#")) {
        out.addAll(alternatives(doc, doc.at(ref.substring(1)), depth + 1));
      }
      return out;
    }
    boolean combined = false;
    for (String k : List.of("anyOf", "oneOf", "allOf")) {
      if (node.path(k).isArray()) {
        combined = true;
        for (JsonNode alt : node.get(k)) {
          out.addAll(alternatives(doc, alt, depth + 1));
        }
      }
    }
    if (!combined || node.has("properties")) {
      out.add(node);
    }
    return out;
  }

  /** A property's own description, else the description of what it refers to. */
  private static String describe(JsonNode doc, JsonNode prop) {
    String own = prop.path("description").asText("");
    if (!own.isEmpty()) {
      return own;
    }
    for (JsonNode alt : alternatives(doc, prop, 0)) {
      String d = alt.path("description").asText("");
      if (!d.isEmpty()) {
        return d;
      }
    }
    return "";
  }
}
