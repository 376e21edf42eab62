package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ext.AstTuple;
import java.util.Collection;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;

/** {@code (a, b)} evaluating to a {@link PyTuple}, so it prints and %-formats like Python. */
final class TupleNode extends AstTuple {
  TupleNode(AstParameters params) {
    super(params);
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    Object v = super.eval(bindings, context);
    return v instanceof Collection<?> c ? new PyTuple(c) : v;
  }
}
