package dev.dbtls.jinja.jinjava;

import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/** {@code a.b}, remembering its name so method calls can dispatch Python methods. */
final class DotNode extends AstDot {
  final String name;

  DotNode(AstNode prefix, String name, boolean lvalue) {
    super(prefix, name, lvalue);
    this.name = name;
  }

  AstNode base() {
    return getPrefix();
  }
}
