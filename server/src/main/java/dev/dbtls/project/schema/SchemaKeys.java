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
    return keysAt(schema, path, java.util.Set.of());
  }

  /**
   * The keys the mapping at {@code path} takes, of the forms it may take that have every key of
   * {@code written} (a git package's keys once {@code git:} is written, not a hub package's); of
   * all its forms when none has them all.
   */
  public static List<Key> keysAt(
      DbtSchema schema, List<Object> path, java.util.Set<String> written) {
    try {
      JsonNode doc = schema.document();
      Map<String, Key> out = new LinkedHashMap<>();
      List<JsonNode> forms = nodesAt(doc, schema.root(), path);
      List<JsonNode> fitting = new ArrayList<>();
      for (JsonNode alt : forms) {
        JsonNode props = alt.path("properties");
        if (props.isObject() && written.stream().allMatch(props::has)) {
          fitting.add(alt);
        }
      }
      for (JsonNode alt : fitting.isEmpty() ? forms : fitting) {
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

  /**
   * The values the schema enumerates for the value at {@code path} (a key's value: the path ends
   * with the key), in schema order; empty where it takes any.
   */
  public static List<String> valuesAt(DbtSchema schema, List<Object> path) {
    try {
      JsonNode doc = schema.document();
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      for (JsonNode alt : nodesAt(doc, schema.root(), path)) {
        for (JsonNode v : alt.path("enum")) {
          if (v.isTextual()) {
            out.add(v.asText());
          }
        }
      }
      return List.copyOf(out);
    } catch (RuntimeException e) {
      return List.of();
    }
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
