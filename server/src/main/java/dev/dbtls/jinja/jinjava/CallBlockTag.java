package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.List;

/** {@code {% call(args) m(x) %}body{% endcall %}}: m runs with {@code caller} bound to the body. */
final class CallBlockTag implements Tag {
  @Override
  public String getName() {
    return "call";
  }

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    String helpers = node.getHelpers().trim();
    List<MacroSignature.Param> params = List.of();
    String call = helpers;
    if (helpers.startsWith("(")) {
      MacroSignature sig = MacroSignature.parse(helpers);
      if (sig == null) {
        throw new TemplateSyntaxException(helpers, "invalid call block arguments",
            node.getLineNumber(), node.getStartPosition());
      }
      params = sig.params();
      call = helpers.substring(sig.end()).trim();
    }
    RenderSession.Frame f = RenderSession.of(interpreter).frame();
    JinjaMacro caller = new JinjaMacro(f.packageName(), "caller", f.path(), params,
        new ArrayList<>(node.getChildren()), node.getLineNumber());
    try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      interpreter.getContext().put("caller", caller);
      return PyValues.str(interpreter.resolveELExpression(call, node.getLineNumber()));
    }
  }
}
