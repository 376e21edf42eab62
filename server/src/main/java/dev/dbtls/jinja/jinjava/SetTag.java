package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.FlexibleTag;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code {% set a = x %}}, {@code {% set a, b = pair %}}, {@code {% set ns.k = v %}}, and block
 * set.
 */
final class SetTag implements Tag, FlexibleTag {
  @Override
  public String getName() {
    return "set";
  }

  @Override
  public String getEndTagName() {
    return "endset";
  }

  @Override
  public boolean hasEndTag(TagToken token) {
    return !token.getHelpers().contains("=");
  }

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    String helpers = node.getHelpers();
    int eq = helpers.indexOf('=');
    if (eq < 0) {
      StringBuilder out = new StringBuilder();
      node.getChildren()
          .forEach(
              c -> {
                out.append(c.render(interpreter).getValue());
                RenderLimits.length(out.length(), "the block of this set");
              });
      interpreter.getContext().put(helpers.trim(), out.toString());
      return "";
    }
    String left = helpers.substring(0, eq).trim();
    String expr = helpers.substring(eq + 1);
    if (TopLevel.split(expr, ',').stream().filter(p -> !p.isBlank()).count() > 1) {
      expr = "(" + expr + ")"; // {% set a, b = b, a %}: a tuple without parentheses
    }
    Object value = interpreter.resolveELExpression(expr, node.getLineNumber());
    List<String> targets = new ArrayList<>();
    for (String t : left.replace("(", "").replace(")", "").split(",")) {
      if (!t.isBlank()) {
        targets.add(t.trim());
      }
    }
    if (targets.size() == 1 && targets.get(0).contains(".")) {
      String t = targets.get(0);
      Object ns =
          interpreter.resolveELExpression(t.substring(0, t.lastIndexOf('.')), node.getLineNumber());
      if (ns instanceof Map<?, ?> m) {
        put(m, t.substring(t.lastIndexOf('.') + 1), value);
      }
      return "";
    }
    ForTag.assign(interpreter, targets, value);
    return "";
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<?, ?> m, String key, Object value) {
    ((Map<String, Object>) m).put(key, value);
  }
}
