package dev.dbtls.project.yaml;

import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, Span span) implements YamlNode {
  public static YamlList empty(Span span) {
    return new YamlList(List.of(), span);
  }

  public List<YamlMap> maps() {
    List<YamlMap> out = new ArrayList<>();
    for (YamlNode n : items) {
      if (n instanceof YamlMap m) {
        out.add(m);
      }
    }
    return out;
  }

  public List<String> texts() {
    List<String> out = new ArrayList<>();
    for (YamlNode n : items) {
      if (n.text() != null) {
        out.add(n.text());
      }
    }
    return out;
  }

  @Override
  public Object toPlain() {
    List<Object> out = new ArrayList<>(items.size());
    for (YamlNode n : items) {
      out.add(n.toPlain());
    }
    return out;
  }
}
