package dev.dbtls.ide;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import dev.dbtls.project.schema.DbtSchema;
import dev.dbtls.project.schema.SchemaKeys;
import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hover on a key of a YAML file: what the key does, from the hand-written config docs ({@link
 * ConfigKeys}) for a config, else from dbt's JSON schema's description of the key at its path.
 */
final class SchemaHover {
  private SchemaHover() {}

  static Optional<HoverInfo> at(String displayPath, String text, int offset) {
    DbtSchema schema = SchemaCompletion.schemaOf(displayPath);
    if (schema == null || text == null) {
      return Optional.empty();
    }
    YamlNode root = YamlDocument.parse(displayPath, text).root();
    if (root == null) {
      return Optional.empty();
    }
    LineIndex lines = new LineIndex(text);
    int line = lines.line(offset);
    int column = lines.column(offset);
    List<Object> path = new ArrayList<>();
    String key = keyAt(root, line, column, path);
    if (key == null) {
      return Optional.empty();
    }
    String bare = key.startsWith("+") ? key.substring(1) : key;
    boolean config = path.contains("config") || schema == DbtSchema.PROJECT && key.startsWith("+");
    String doc = config ? ConfigKeys.DOCS.get(bare) : null;
    if (doc == null) {
      doc = SchemaKeys.description(schema, path, key);
    }
    if (doc == null) {
      return Optional.empty();
    }
    Span at = keySpan(root, path, key);
    return Optional.of(
        new HoverInfo(
            "**" + (config ? "config" : "property") + "** `" + key + "`\n\n" + doc,
            lines.offset(at.startLine(), at.startColumn()),
            lines.offset(at.endLine(), at.endColumn())));
  }

  /** The key whose span holds the position, with the path of its mapping in {@code path}. */
  private static String keyAt(YamlNode node, int line, int column, List<Object> path) {
    if (node instanceof YamlMap m) {
      for (Map.Entry<String, Span> k : m.keySpans().entrySet()) {
        if (contains(k.getValue(), line, column)) {
          return k.getKey();
        }
      }
      for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
        if (e.getValue() != null && within(e.getValue().span(), line)) {
          path.add(e.getKey());
          String found = keyAt(e.getValue(), line, column, path);
          if (found != null) {
            return found;
          }
          path.remove(path.size() - 1);
        }
      }
    } else if (node instanceof YamlList l) {
      for (int i = 0; i < l.items().size(); i++) {
        YamlNode item = l.items().get(i);
        if (item != null && within(item.span(), line)) {
          path.add(i);
          String found = keyAt(item, line, column, path);
          if (found != null) {
            return found;
          }
          path.remove(path.size() - 1);
        }
      }
    }
    return null;
  }

  private static Span keySpan(YamlNode root, List<Object> path, String key) {
    YamlNode n = root;
    for (Object p : path) {
      n = p instanceof Integer i ? n.asList().items().get(i) : n.asMap().get((String) p);
    }
    return n.asMap().keySpan(key);
  }

  private static boolean within(Span s, int line) {
    return s.startLine() <= line && line <= s.endLine();
  }

  private static boolean contains(Span s, int line, int column) {
    return s.startLine() == line && s.startColumn() <= column && column <= s.endColumn();
  }
}
