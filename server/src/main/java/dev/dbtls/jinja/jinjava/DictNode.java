package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ext.AstDict;
import java.util.LinkedHashMap;
import java.util.Map;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/** {@code {k: v}} with any key expression evaluated, as in Python ({@code {r.name: r.v}}). */
final class DictNode extends AstDict {
  private final Map<AstNode, AstNode> entries;

  DictNode(Map<AstNode, AstNode> entries) {
    super(entries);
    this.entries = entries;
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    Map<Object, Object> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k.eval(bindings, context), v.eval(bindings, context)));
    return out;
  }
}
