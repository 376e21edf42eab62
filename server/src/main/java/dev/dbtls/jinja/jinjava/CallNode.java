package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * A Python call {@code f(a, k=v)} or {@code f(a)(b)}. Replaces JUEL's function node, which binds
 * names at parse time in one global table; here the callee is looked up at run time, in dbt's
 * namespaces.
 */
final class CallNode extends AstRightValue {
  private final AstNode callee;
  private final AstParameters params;
  private final String name;

  CallNode(AstNode callee, AstParameters params, String name) {
    this.callee = callee;
    this.params = params;
    this.name = name;
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    Object target = callee.eval(bindings, context);
    Arguments args = Arguments.of(params.eval(bindings, context));
    RenderLimits.tick();
    JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
    return Calls.call(interpreter, target, args, name == null ? "expression" : name);
  }

  @Override
  public void appendStructure(StringBuilder b, Bindings bindings) {
    callee.appendStructure(b, bindings);
    params.appendStructure(b, bindings);
  }

  @Override
  public int getCardinality() {
    return 2;
  }

  @Override
  public AstNode getChild(int i) {
    return i == 0 ? callee : i == 1 ? params : null;
  }
}
