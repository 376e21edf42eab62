package dev.dbtls.jinja.jinjava;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/** The value of a missing {@code else}: undefined, which prints nothing (None would print None). */
final class UndefinedNode extends AstRightValue {
  static final UndefinedNode INSTANCE = new UndefinedNode();

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    return Undefined.INSTANCE;
  }

  @Override
  public void appendStructure(StringBuilder b, Bindings bindings) {
    b.append("undefined");
  }

  @Override
  public int getCardinality() {
    return 0;
  }

  @Override
  public AstNode getChild(int i) {
    return null;
  }
}
