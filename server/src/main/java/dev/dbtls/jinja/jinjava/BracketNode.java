package dev.dbtls.jinja.jinjava;

import java.util.Map;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/**
 * {@code d[key]} with a key that is not a string ({@code columns[relation]}, {@code d[1]}): Python
 * dicts take any key, but Jinjava's resolver chain passes the key on as text.
 */
final class BracketNode extends AstBracket {
  BracketNode(AstNode base, AstNode property, boolean lvalue, boolean strict) {
    super(base, property, lvalue, strict);
  }

  /** Base and key are evaluated once each (a call in either runs once), then resolved as usual. */
  @Override
  public Object eval(Bindings bindings, ELContext context) {
    Object base = getChild(0).eval(bindings, context);
    if (base == null) {
      return null;
    }
    Object key = getChild(1).eval(bindings, context);
    if (base instanceof Map<?, ?> m
        && key != null
        && !(key instanceof String)
        && m.containsKey(key)) {
      return m.get(key);
    }
    context.setPropertyResolved(false);
    Object value = context.getELResolver().getValue(context, base, key);
    return context.isPropertyResolved() ? value : null;
  }
}
