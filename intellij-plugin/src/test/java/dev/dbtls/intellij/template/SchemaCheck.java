package dev.dbtls.intellij.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of JSON Schema (draft-07) settings.schema.json uses: {@code type} (one or a list),
 * {@code enum}, {@code minimum}, {@code maximum}, {@code items}, {@code additionalProperties}. A
 * keyword it does not know fails, so the schema cannot grow past what this checks.
 */
final class SchemaCheck {
  private static final List<String> KNOWN =
      List.of(
          "type",
          "enum",
          "minimum",
          "maximum",
          "items",
          "additionalProperties",
          "default",
          "description",
          "title");

  private SchemaCheck() {}

  /** What is wrong with {@code value} under {@code schema}; empty when it is valid. */
  static List<String> errors(JsonNode value, JsonNode schema) {
    List<String> out = new ArrayList<>();
    check("", value, schema, out);
    return out;
  }

  private static void check(String at, JsonNode v, JsonNode schema, List<String> out) {
    schema
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("schema keyword this check does not know: " + k);
              }
            });
    JsonNode type = schema.get("type");
    if (type != null) {
      List<String> types = new ArrayList<>();
      if (type.isArray()) {
        type.forEach(t -> types.add(t.asText()));
      } else {
        types.add(type.asText());
      }
      if (types.stream().noneMatch(t -> is(v, t))) {
        out.add(at + ": " + v + " is not " + types);
        return;
      }
    }
    JsonNode en = schema.get("enum");
    if (en != null) {
      boolean found = false;
      for (JsonNode e : en) {
        found |= e.equals(v);
      }
      if (!found) {
        out.add(at + ": " + v + " is not one of " + en);
      }
    }
    if (v.isNumber() && schema.has("minimum") && v.asDouble() < schema.get("minimum").asDouble()) {
      out.add(at + ": " + v + " < " + schema.get("minimum"));
    }
    if (v.isNumber() && schema.has("maximum") && v.asDouble() > schema.get("maximum").asDouble()) {
      out.add(at + ": " + v + " > " + schema.get("maximum"));
    }
    if (v.isArray() && schema.has("items")) {
      for (int i = 0; i < v.size(); i++) {
        check(at + "[" + i + "]", v.get(i), schema.get("items"), out);
      }
    }
    JsonNode extra = schema.get("additionalProperties");
    if (v.isObject() && extra != null && extra.isObject()) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) v::fields) {
        check(at + "." + e.getKey(), e.getValue(), extra, out);
      }
    }
  }

  private static boolean is(JsonNode v, String type) {
    return switch (type) {
      case "null" -> v.isNull();
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "boolean" -> v.isBoolean();
      case "number" -> v.isNumber();
      case "integer" ->
          v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
      default -> throw new IllegalArgumentException("JSON type this check does not know: " + type);
    };
  }
}
