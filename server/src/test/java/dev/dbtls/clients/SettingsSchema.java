package dev.dbtls.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON schema of the {@code dbtls.*} settings, written from the tables of
 * docs/configuration.md: VS Code's settings UI says what the docs say. A type the docs spell in
 * words this does not know fails, so a new kind of setting gets its schema here first.
 */
final class SettingsSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `dbtls\\.([^`]+)` \\|(.*)\\|\\s*$");
  private static final Pattern RANGE = Pattern.compile("([\\d,]+)–([\\d,]+)");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** One row of a settings table. */
  record Row(String key, String type, String defaultValue, String description) {}

  private SettingsSchema() {}

  /** The rows of every settings table of the page, in order. */
  static List<Row> rows(String markdown) {
    List<Row> out = new ArrayList<>();
    Matcher m = ROW.matcher(markdown);
    while (m.find()) {
      String[] cells = m.group(2).split("\\|", -1);
      if (cells.length != 3) {
        throw new IllegalArgumentException(
            "dbtls." + m.group(1) + ": expected 4 cells, got " + (cells.length + 1));
      }
      out.add(new Row(m.group(1), cells[0].strip(), cells[1].strip(), cells[2].strip()));
    }
    return out;
  }

  /** {@code contributes.configuration.properties} of package.json. */
  static ObjectNode properties(List<Row> rows) {
    ObjectNode props = JSON.objectNode();
    for (Row r : rows) {
      ObjectNode p = type(r);
      JsonNode literal = literalDefault(r.defaultValue(), p);
      String description = r.description();
      if (literal != null) {
        p.set("default", literal);
      } else if (!r.defaultValue().equals("none")) {
        description += "\n\nDefault: " + r.defaultValue() + ".";
      }
      p.put("markdownDescription", description);
      props.set("dbtls." + r.key(), p);
    }
    return props;
  }

  private static ObjectNode type(Row r) {
    String t = r.type();
    ObjectNode p = JSON.objectNode();
    if (t.equals("boolean")) {
      p.put("type", "boolean");
    } else if (t.startsWith("whole number") || t.startsWith("number")) {
      p.put("type", t.startsWith("whole") ? "integer" : "number");
      Matcher range = RANGE.matcher(t);
      if (range.find()) {
        p.put("minimum", Long.parseLong(range.group(1).replace(",", "")));
        p.put("maximum", Long.parseLong(range.group(2).replace(",", "")));
      }
    } else if (t.equals("string") || t.equals("path")) {
      p.put("type", "string");
    } else if (t.startsWith("list of paths")) {
      p.set("type", JSON.arrayNode().add("array").add("string"));
      p.set("items", JSON.objectNode().put("type", "string"));
    } else if (t.startsWith("list of names") || t.startsWith("list of target names")) {
      p.put("type", "array");
      p.set("items", JSON.objectNode().put("type", "string"));
    } else if (t.startsWith("object, or a YAML string")) {
      p.set("type", JSON.arrayNode().add("object").add("string"));
    } else if (t.startsWith("object: problem code")) {
      p.put("type", "object");
      p.set("additionalProperties", JSON.objectNode().put("type", "string").set("enum", codes(t)));
    } else if (t.startsWith("one of")) {
      p.put("type", "string");
      p.set("enum", codes(t));
    } else {
      throw new IllegalArgumentException(
          "dbtls." + r.key() + ": no schema for the type '" + t + "'");
    }
    return p;
  }

  private static ArrayNode codes(String text) {
    ArrayNode values = JSON.arrayNode();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  /** The default when the docs give a value (false, 10,000, `2g`), else null (prose). */
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON_READER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static JsonNode literalDefault(String text, ObjectNode type) {
    String kind = type.path("type").asText();
    if (text.equals("`false`")
        || text.equals("false")
        || text.equals("`true`")
        || text.equals("true")) {
      return JSON.booleanNode(text.contains("true"));
    }
    if (text.matches("[\\d,]+") && (kind.equals("integer") || kind.equals("number"))) {
      return JSON.numberNode(Long.parseLong(text.replace(",", "")));
    }
    Matcher code = Pattern.compile("`([^`]+)`").matcher(text);
    if (kind.equals("string") && code.matches()) {
      return JSON.textNode(code.group(1));
    }
    if (kind.equals("array") && code.matches()) {
      try {
        return JSON_READER.readTree(code.group(1));
      } catch (java.io.IOException e) {
        return null;
      }
    }
    return null;
  }

  /** Keys of the rows, for comparing with the server's lists. */
  static Map<String, Row> byKey(List<Row> rows) {
    Map<String, Row> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r.key(), r));
    return out;
  }
}
