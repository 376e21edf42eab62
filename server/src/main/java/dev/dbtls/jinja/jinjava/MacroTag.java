package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;

/**
 * {@code {% macro %}} replacing Jinjava's: dbt macros live in package namespaces, not in Jinjava's
 * one global map. Running it defines the macro in the current scope (template-local).
 */
final class MacroTag implements Tag {
  @Override
  public String getName() {
    return "macro";
  }

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    RenderSession.Frame f = RenderSession.of(interpreter).frame();
    JinjaMacro m = define(node, f.packageName(), f.path(), interpreter.getContext());
    interpreter.getContext().put(m.name, m);
    return "";
  }

  static JinjaMacro define(TagNode node, String packageName, String path) {
    return define(node, packageName, path, null);
  }

  static JinjaMacro define(
      TagNode node,
      String packageName,
      String path,
      com.hubspot.jinjava.interpret.Context definedIn) {
    MacroSignature sig = MacroSignature.parse(node.getHelpers().trim());
    if (sig == null || sig.name().isEmpty()) {
      throw new TemplateSyntaxException(
          node.getHelpers(),
          "invalid macro signature: " + node.getHelpers().trim(),
          node.getLineNumber(),
          node.getStartPosition());
    }
    return new JinjaMacro(
        packageName,
        sig.name(),
        path,
        sig.params(),
        new ArrayList<>(node.getChildren()),
        node.getLineNumber(),
        definedIn);
  }
}
