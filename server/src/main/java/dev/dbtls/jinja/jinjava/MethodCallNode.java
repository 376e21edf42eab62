package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.ProblemCode;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.javax.el.ELContext;

/** {@code obj.m(a, k=v)}: Python methods of str/list/dict and {@code PyObject}s first. */
final class MethodCallNode extends AstMethod {
  private final AstProperty property;
  private final AstParameters params;

  MethodCallNode(AstProperty property, AstParameters params) {
    super(property, params);
    this.property = property;
    this.params = params;
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    if (!(property instanceof DotNode dot) || isFilterOrTest(dot)) {
      return super.eval(bindings, context); // filters and tests are Jinjava's own calls
    }
    Object base = dot.base().eval(bindings, context);
    Arguments a = Arguments.of(params.eval(bindings, context));
    JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
    RenderLimits.tick();
    Object r = PyMethods.call(base, dot.name, a);
    if (r != PyMethods.NOT_FOUND) {
      return RenderLimits.checked(r, "the result of ." + dot.name + "()");
    }
    if (base != null && !(base instanceof Undefined)) {
      Object attr = context.getELResolver().getValue(context, base, dot.name);
      if (attr instanceof JinjaCallable || attr instanceof AbstractCallableMethod) {
        return Calls.call(interpreter, attr, a, dot.name);
      }
    }
    if (base != Undefined.REPORTED) {
      RenderSession.of(interpreter).problem(ProblemCode.JINJA_RENDER, noAttribute(dot, base));
    }
    return Undefined.REPORTED;
  }

  /**
   * Jinja2's words: {@code 'dbt_utils' is undefined}, {@code 'dict object' has no attribute 'x'}.
   */
  private static String noAttribute(DotNode dot, Object base) {
    if (base instanceof Undefined && dot.base() instanceof AstIdentifier id) {
      return "'" + id.getName() + "' is undefined";
    }
    if (base == null) {
      return "'None' has no attribute '" + dot.name + "'";
    }
    return "'" + PyMethods.typeName(base) + " object' has no attribute '" + dot.name + "'";
  }

  private static boolean isFilterOrTest(DotNode dot) {
    return dot.base() instanceof AstIdentifier id
        && (id.getName().startsWith("filter:") || id.getName().startsWith("exptest:"));
  }
}
