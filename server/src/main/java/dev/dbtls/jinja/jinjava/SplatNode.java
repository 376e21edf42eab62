package dev.dbtls.jinja.jinjava;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/** {@code *args} or {@code **kwargs} in a call; expanded by {@link Arguments}. */
final class SplatNode extends AstRightValue {
  record Splat(Object value, boolean keywords) {}

  private final AstNode value;
  private final boolean keywords;

  SplatNode(AstNode value, boolean keywords) {
    this.value = value;
    this.keywords = keywords;
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    return new Splat(value.eval(bindings, context), keywords);
  }

  @Override
  public void appendStructure(StringBuilder b, Bindings bindings) {
    b.append(keywords ? "**" : "*");
    value.appendStructure(b, bindings);
  }

  @Override
  public int getCardinality() {
    return 1;
  }

  @Override
  public AstNode getChild(int i) {
    return i == 0 ? value : null;
  }
}
