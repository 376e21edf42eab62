package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A dbt macro: parsed once, called like a Python function. Returns its rendered text, or the value
 * given to {@code return()}, which also ends it.
 */
final class JinjaMacro implements JinjaCallable {
  private static final Pattern USES_VARARGS = Pattern.compile("\\bvarargs\\b");
  private static final Pattern USES_KWARGS = Pattern.compile("\\bkwargs\\b");

  final String packageName;
  final String name;
  final String path;
  final List<MacroSignature.Param> params;
  final List<Node> body;
  final int line;

  /** The body as the engine parsed it (comments stripped): what a call of this macro runs. */
  private final String source;

  /** Whether the body reads varargs / kwargs: only then may extra arguments be passed (Jinja2). */
  private final boolean takesVarargs;

  private final boolean takesKwargs;

  /**
   * The scope the macro was defined in (Jinja2 closures); null for project macros: the render's
   * root.
   */
  private final Context definedIn;

  JinjaMacro(
      String packageName,
      String name,
      String path,
      List<MacroSignature.Param> params,
      List<Node> body,
      int line) {
    this(packageName, name, path, params, body, line, null);
  }

  JinjaMacro(
      String packageName,
      String name,
      String path,
      List<MacroSignature.Param> params,
      List<Node> body,
      int line,
      Context definedIn) {
    this.definedIn = definedIn;
    StringBuilder source = new StringBuilder();
    body.forEach(n -> source.append(n.reconstructImage()));
    this.source = source.toString();
    this.takesVarargs = USES_VARARGS.matcher(source).find();
    this.takesKwargs = USES_KWARGS.matcher(source).find();
    this.packageName = packageName;
    this.name = name;
    this.path = path;
    this.params = params;
    this.body = body;
    this.line = line;
  }

  /** {@code package.name}: how renders and engines name a macro they ran or define otherwise. */
  String id() {
    return packageName + "." + name;
  }

  /**
   * Whether a call of {@code other} runs what a call of this macro runs: the same package, name,
   * file, parameters (defaults included) and body as parsed. Both defined at a file's top level.
   */
  boolean sameDefinition(JinjaMacro other) {
    return other != null
        && definedIn == null
        && other.definedIn == null
        && packageName.equals(other.packageName)
        && name.equals(other.name)
        && java.util.Objects.equals(path, other.path)
        && params.equals(other.params)
        && source.equals(other.source);
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    return call(args, kwargs, null);
  }

  /**
   * Runs the body in a new scope under the one the macro was defined in, not under the caller's
   * (Jinja2 scoping is lexical). Jinjava can only stack scopes on an interpreter's own, so the call
   * runs on an interpreter over that scope: a pooled one for project macros.
   */
  Object call(List<Object> args, Map<String, Object> kwargs, JinjaMacro caller) {
    JinjavaInterpreter outer = JinjavaInterpreter.getCurrent();
    RenderSession session = RenderSession.of(outer);
    DbtInterpreter interpreter =
        definedIn == null
            ? session.borrowInterpreter()
            : session.engine.interpreter(definedIn, session);
    RenderLimits.tick();
    if (session.depth() > RenderLimits.MAX_CALL_DEPTH) {
      throw RenderLimits.fail(
          ProblemCode.JINJA_TOO_DEEP,
          "macro calls nested more than "
              + RenderLimits.MAX_CALL_DEPTH
              + " deep (does '"
              + name
              + "' call itself without end?); the render stops here");
    }
    int errorsBefore = interpreter.getErrors().size();
    if (definedIn == null) {
      session.ran(this);
    }
    checkArguments(session, args, kwargs);
    session.enter(packageName, path);
    JinjavaInterpreter.pushCurrent(interpreter);
    try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      bind(interpreter, args, kwargs, caller);
      StringBuilder out = new StringBuilder();
      for (Node node : body) {
        interpreter.setLineNumber(node.getLineNumber()); // so problems point into the macro
        interpreter.setPosition(node.getStartPosition());
        out.append(node.render(interpreter).getValue());
        RenderLimits.length(out.length(), "the output of macro '" + name + "'");
      }
      return out.toString();
    } catch (Signals.MacroReturn r) {
      return r.value;
    } finally {
      JinjavaInterpreter.popCurrent();
      List<TemplateError> errors = interpreter.getErrors();
      if (errors.size() > errorsBefore) {
        List<TemplateError> added = errors.subList(errorsBefore, errors.size());
        added.forEach(e -> e.setSourceTemplate(e.getSourceTemplate().orElse(path)));
        outer.addAllErrors(added);
      }
      session.exit();
      if (definedIn == null) {
        session.giveBack(interpreter);
      }
    }
  }

  private void bind(
      JinjavaInterpreter interpreter,
      List<Object> args,
      Map<String, Object> kwargs,
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
        Object v =
            p.defaultExpr() == null
                ? Undefined.INSTANCE
                : interpreter.resolveELExpression(p.defaultExpr(), line);
        interpreter.getContext().put(p.name(), v);
      }
    }
    interpreter.getContext().put("varargs", new PyTuple(varargs));
    interpreter.getContext().put("kwargs", extraKwargs);
    if (caller != null) {
      interpreter.getContext().put("caller", caller);
    }
  }

  /** Jinja2 raises a TypeError for these; we report it at the call and run the macro anyway. */
  private void checkArguments(
      RenderSession session, List<Object> args, Map<String, Object> kwargs) {
    if (args.size() > params.size() && !takesVarargs) {
      session.problem(
          ProblemCode.JINJA_RENDER,
          "macro '" + name + "' takes not more than " + params.size() + " argument(s)");
    }
    for (int i = 0; i < params.size(); i++) {
      if (i < args.size() && kwargs.containsKey(params.get(i).name())) {
        session.problem(
            ProblemCode.JINJA_RENDER,
            "macro '" + name + "' got multiple values for argument '" + params.get(i).name() + "'");
      }
    }
    if (!takesKwargs) {
      for (String k : kwargs.keySet()) {
        if (params.stream().noneMatch(p -> p.name().equals(k))) {
          session.problem(
              ProblemCode.JINJA_RENDER,
              "macro '" + name + "' takes no keyword argument '" + k + "'");
          break;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "<Macro '" + name + "'>";
  }
}
