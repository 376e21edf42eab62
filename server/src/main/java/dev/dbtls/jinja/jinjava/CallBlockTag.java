package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import dev.dbtls.jinja.JinjaCallable;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.Scanner.Token;

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
        throw new TemplateSyntaxException(
            helpers, "invalid call block arguments", node.getLineNumber(), node.getStartPosition());
      }
      params = sig.params();
      call = helpers.substring(sig.end()).trim();
    }
    RenderSession.Frame f = RenderSession.of(interpreter).frame();
    JinjaMacro caller =
        new JinjaMacro(
            f.packageName(),
            "caller",
            f.path(),
            params,
            new ArrayList<>(node.getChildren()),
            node.getLineNumber(),
            interpreter.getContext());
    int open = argumentsStart(call);
    if (open < 0) {
      throw new TemplateSyntaxException(
          call, "call block needs a macro call", node.getLineNumber(), node.getStartPosition());
    }
    try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      Object target =
          interpreter.resolveELExpression(call.substring(0, open), node.getLineNumber());
      interpreter.getContext().put(ARGS, (JinjaCallable) Arguments::new);
      Object a = interpreter.resolveELExpression(ARGS + call.substring(open), node.getLineNumber());
      if (!(a instanceof Arguments args)) {
        return "";
      }
      if (target instanceof JinjaMacro m) {
        return PyValues.str(m.call(args.args(), args.kwargs(), caller));
      }
      // a builtin such as statement(): it finds caller in the scope
      interpreter.getContext().put("caller", caller);
      return PyValues.str(Calls.call(interpreter, target, args, call.substring(0, open).trim()));
    }
  }

  private static final String ARGS = "__dbtls_call_args__";

  /** Offset of the '(' opening the call's argument list (the last top-level one), or -1. */
  private static int argumentsStart(String call) {
    PyScanner s = new PyScanner("#{" + call + "}");
    int depth = 0;
    int start = -1;
    try {
      for (Token t = s.next();
          t.getSymbol() != Symbol.EOF && t.getSymbol() != Symbol.END_EVAL;
          t = s.next()) {
        String img = t.getImage();
        if (t.getSymbol() == Symbol.LPAREN || t.getSymbol() == Symbol.LBRACK || "{".equals(img)) {
          if (depth == 0 && t.getSymbol() == Symbol.LPAREN) {
            start = s.getPosition() - 2;
          }
          depth++;
        } else if (t.getSymbol() == Symbol.RPAREN
            || t.getSymbol() == Symbol.RBRACK
            || "}".equals(img)) {
          depth--;
        }
      }
    } catch (ScanException e) {
      return -1;
    }
    return start;
  }
}
