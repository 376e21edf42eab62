package dev.dbtls.project.yaml;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One parsed YAML file: its root node (null when empty or unparseable) and its problems. Uses
 * SnakeYAML's composer rather than a data binder because dbt users need the location of every
 * key (go-to-definition into YAML) and anchors, aliases and {@code <<} merge keys resolved.
 */
public record YamlDocument(String path, YamlNode root, List<Problem> problems) {

  public static YamlDocument parse(String path, String text) {
    List<Problem> problems = new ArrayList<>();
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      options.setMaxAliasesForCollections(1000);
      options.setCodePointLimit(64 * 1024 * 1024);
      Node node = new Yaml(options).compose(new StringReader(text));
      YamlNode root = node == null ? null : convert(node, path, problems);
      return new YamlDocument(path, root, problems);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = m == null ? 0 : m.getLine();
      int col = m == null ? 0 : m.getColumn();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      problems.add(Problem.at(path, line, col, ProblemCode.YAML_SYNTAX,
          "invalid YAML: " + what + context));
      return new YamlDocument(path, null, problems);
    } catch (YAMLException | IllegalStateException e) {
      problems.add(Problem.at(path, 0, 0, ProblemCode.YAML_SYNTAX, "invalid YAML: " + e.getMessage()));
      return new YamlDocument(path, null, problems);
    }
  }

  /** The root as a map, or an empty map when the file is empty, broken or not a mapping. */
  public YamlMap rootMap() {
    return root == null ? YamlMap.empty(Span.NONE) : root.asMap();
  }

  private static Span span(Node n) {
    Mark s = n.getStartMark();
    Mark e = n.getEndMark();
    return new Span(s.getLine(), s.getColumn(), e.getLine(), e.getColumn());
  }

  private static YamlNode convert(Node node, String path, List<Problem> problems) {
    if (node instanceof ScalarNode s) {
      return new YamlScalar(scalar(s), span(s));
    }
    if (node instanceof SequenceNode seq) {
      List<YamlNode> items = new ArrayList<>(seq.getValue().size());
      for (Node item : seq.getValue()) {
        items.add(convert(item, path, problems));
      }
      return new YamlList(List.copyOf(items), span(seq));
    }
    MappingNode map = (MappingNode) node;
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, Span> keys = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      String key = k instanceof ScalarNode ks ? ks.getValue() : String.valueOf(k);
      if (Tag.MERGE.equals(k.getTag()) || "<<".equals(key)) {
        mergeInto(entries, keys, convert(t.getValueNode(), path, problems));
        continue;
      }
      entries.put(key, convert(t.getValueNode(), path, problems));
      keys.put(key, span(k));
    }
    return new YamlMap(entries, keys, span(map));
  }

  /** {@code <<: *anchor} merges keys that the mapping does not set itself. */
  private static void mergeInto(Map<String, YamlNode> entries, Map<String, Span> keys, YamlNode merged) {
    List<YamlNode> sources = merged instanceof YamlList l ? l.items() : List.of(merged);
    for (YamlNode src : sources) {
      if (src instanceof YamlMap m) {
        m.entries().forEach((k, v) -> {
          if (!entries.containsKey(k)) {
            entries.put(k, v);
            keys.put(k, m.keySpan(k));
          }
        });
      }
    }
  }

  private static Object scalar(ScalarNode s) {
    String v = s.getValue();
    Tag tag = s.getTag();
    try {
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        return switch (v.toLowerCase()) {
          case "true", "yes", "on", "y" -> Boolean.TRUE;
          default -> Boolean.FALSE;
        };
      }
      if (Tag.INT.equals(tag)) {
        String clean = v.replace("_", "");
        if (clean.startsWith("0x")) {
          return Long.parseLong(clean.substring(2), 16);
        }
        return Long.parseLong(clean);
      }
      if (Tag.FLOAT.equals(tag)) {
        return Double.parseDouble(v.replace("_", ""));
      }
    } catch (NumberFormatException e) {
      return v;
    }
    return v;
  }
}
