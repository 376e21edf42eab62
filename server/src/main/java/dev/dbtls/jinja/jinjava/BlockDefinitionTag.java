package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.List;

/**
 * dbt's block tags: {@code materialization} and {@code test} (or dbt 1.8's {@code data_test})
 * define macros (named {@code materialization_<name>_<adapter>} and {@code test_<name>}), {@code
 * docs} renders nothing, {@code snapshot} renders its body.
 */
final class BlockDefinitionTag implements Tag {
  private final String name;

  BlockDefinitionTag(String name) {
    this.name = name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    if (!name.equals("snapshot")) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    node.getChildren().forEach(c -> out.append(c.render(interpreter).getValue()));
    return out.toString();
  }

  /** The macro a materialization or test block defines, or null. */
  static JinjaMacro define(TagNode node, String packageName, String path) {
    String helpers = node.getHelpers().trim();
    if (node.getName().equals("test") || node.getName().equals("data_test")) {
      MacroSignature sig = MacroSignature.parse(helpers);
      if (sig == null) {
        return null;
      }
      return new JinjaMacro(
          packageName,
          "test_" + sig.name(),
          path,
          sig.params(),
          new ArrayList<>(node.getChildren()),
          node.getLineNumber());
    }
    if (node.getName().equals("materialization")) {
      String[] parts = helpers.split(",");
      String adapter = "default";
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim();
        if (p.startsWith("adapter")) {
          adapter = p.substring(p.indexOf('=') + 1).trim().replaceAll("^['\"]|['\"]$", "");
        } else if (p.equals("default")) {
          adapter = "default";
        }
      }
      return new JinjaMacro(
          packageName,
          "materialization_" + parts[0].trim() + "_" + adapter,
          path,
          List.of(),
          new ArrayList<>(node.getChildren()),
          node.getLineNumber());
    }
    return null;
  }
}
