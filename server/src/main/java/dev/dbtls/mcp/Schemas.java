package dev.dbtls.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The small vocabulary of JSON schema the tools' inputs use. */
final class Schemas {
  private Schemas() {}

  static Map<String, Object> object(List<String> required, Object... nameThenProperty) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < nameThenProperty.length; i += 2) {
      properties.put((String) nameThenProperty[i], nameThenProperty[i + 1]);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }

  static Map<String, Object> integer(String description, int min, int max) {
    return Map.of("type", "integer", "description", description, "minimum", min, "maximum", max);
  }

  static Map<String, Object> bool(String description) {
    return Map.of("type", "boolean", "description", description);
  }

  static Map<String, Object> strings(String description) {
    return Map.of("type", "array", "items", Map.of("type", "string"), "description", description);
  }

  /** The node argument every node tool takes: a name or a unique id. */
  static Map<String, Object> node() {
    return string(
        "A model, seed, snapshot or source: its name (orders), its unique id (model.shop.orders),"
            + " a source as source_name.table_name, or its file path relative to the project");
  }
}
