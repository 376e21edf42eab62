package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code {% with a = 1, b = a + 1 %}...{% endwith %}}: names that live only inside the block. */
final class WithTag implements Tag {
  @Override
  public String getName() {
    return "with";
  }

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    Map<String, String> assignments = new LinkedHashMap<>();
    for (String part : TopLevel.split(node.getHelpers(), ',')) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        assignments.put(part.substring(0, eq).trim(), part.substring(eq + 1));
      }
    }
    StringBuilder out = new StringBuilder();
    try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      assignments.forEach(
          (name, expr) ->
              interpreter
                  .getContext()
                  .put(name, interpreter.resolveELExpression(expr, node.getLineNumber())));
      node.getChildren().forEach(c -> out.append(c.render(interpreter).getValue()));
    }
    return out.toString();
  }
}
