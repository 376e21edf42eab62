package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import dev.dbtls.jinja.JinjaCallable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dbt macro: parsed once, called like a Python function. Returns its rendered text, or the
 * value given to {@code return()}, which also ends it.
 */
final class JinjaMacro implements JinjaCallable {
  final String packageName;
  final String name;
  final String path;
  final List<MacroSignature.Param> params;
  final List<Node> body;
  final int line;

  JinjaMacro(String packageName, String name, String path, List<MacroSignature.Param> params,
      List<Node> body, int line) {
    this.packageName = packageName;
    this.name = name;
    this.path = path;
    this.params = params;
    this.body = body;
    this.line = line;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    return call(args, kwargs, null);
  }

  /** Runs the body in a new scope; {@code caller} is the body of a {@code {% call %}} block. */
  Object call(List<Object> args, Map<String, Object> kwargs, JinjaMacro caller) {
    JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
    RenderSession session = RenderSession.of(interpreter);
    int savedLine = interpreter.getLineNumber();
    int savedPosition = interpreter.getPosition();
    int errorsBefore = interpreter.getErrors().size();
    session.enter(packageName, path);
    try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      bind(interpreter, args, kwargs, caller);
      StringBuilder out = new StringBuilder();
      for (Node node : body) {
        out.append(node.render(interpreter).getValue());
      }
      return out.toString();
    } catch (Signals.MacroReturn r) {
      return r.value;
    } finally {
      markErrors(interpreter, errorsBefore);
      session.exit();
      interpreter.setLineNumber(savedLine);
      interpreter.setPosition(savedPosition);
    }
  }

  private void bind(JinjavaInterpreter interpreter, List<Object> args, Map<String, Object> kwargs,
      JinjaMacro caller) {
    Map<String, Object> extraKwargs = new LinkedHashMap<>(kwargs);
    List<Object> varargs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (i < params.size()) {
        interpreter.getContext().put(params.get(i).name(), args.get(i));
      } else {
        varargs.add(args.get(i));
      }
    }
    for (int i = 0; i < params.size(); i++) {
      MacroSignature.Param p = params.get(i);
      if (extraKwargs.containsKey(p.name())) {
        interpreter.getContext().put(p.name(), extraKwargs.remove(p.name()));
      } else if (i >= args.size()) {
        Object v = p.defaultExpr() == null ? Undefined.INSTANCE
            : interpreter.resolveELExpression(p.defaultExpr(), line);
        interpreter.getContext().put(p.name(), v);
      }
    }
    interpreter.getContext().put("varargs", varargs);
    interpreter.getContext().put("kwargs", extraKwargs);
    if (caller != null) {
      interpreter.getContext().put("caller", caller);
    }
  }

  /** Errors raised inside this macro belong to its file, not to the template that called it. */
  private void markErrors(JinjavaInterpreter interpreter, int from) {
    List<TemplateError> errors = interpreter.getErrors();
    for (int i = from; i < errors.size(); i++) {
      if (errors.get(i).getSourceTemplate().isEmpty()) {
        errors.get(i).setSourceTemplate(path);
      }
    }
  }

  @Override
  public String toString() {
    return "<Macro " + name + ">";
  }
}
