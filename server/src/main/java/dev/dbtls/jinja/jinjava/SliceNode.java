package dev.dbtls.jinja.jinjava;

import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/** Python slicing {@code x[a:b:c]} on strings and lists, negative bounds included. */
final class SliceNode extends AstRightValue {
  private final AstNode base;
  private final AstNode start;
  private final AstNode stop;
  private final AstNode step;

  SliceNode(AstNode base, AstNode start, AstNode stop, AstNode step) {
    this.base = base;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    Object b = base.eval(bindings, context);
    Integer from = index(start, bindings, context);
    Integer to = index(stop, bindings, context);
    Integer by = index(step, bindings, context);
    if (b instanceof String s) {
      StringBuilder out = new StringBuilder();
      for (int i : positions(s.length(), from, to, by)) {
        out.append(s.charAt(i));
      }
      return out.toString();
    }
    List<Object> items = PyMethods.toList(b);
    List<Object> out = new ArrayList<>();
    for (int i : positions(items.size(), from, to, by)) {
      out.add(items.get(i));
    }
    return out;
  }

  private static Integer index(AstNode n, Bindings bindings, ELContext context) {
    if (n == null) {
      return null;
    }
    Object v = n.eval(bindings, context);
    return v instanceof Number num ? num.intValue() : null;
  }

  static List<Integer> positions(int len, Integer from, Integer to, Integer by) {
    int step = by == null || by == 0 ? 1 : by;
    List<Integer> out = new ArrayList<>();
    if (step > 0) {
      int a = from == null ? 0 : clamp(from < 0 ? from + len : from, 0, len);
      int z = to == null ? len : clamp(to < 0 ? to + len : to, 0, len);
      for (int i = a; i < z; i += step) {
        out.add(i);
      }
    } else {
      int a = from == null ? len - 1 : clamp(from < 0 ? from + len : from, -1, len - 1);
      int z = to == null ? -1 : clamp(to < 0 ? to + len : to, -1, len - 1);
      for (int i = a; i > z; i += step) {
        out.add(i);
      }
    }
    return out;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  @Override
  public void appendStructure(StringBuilder b, Bindings bindings) {
    base.appendStructure(b, bindings);
    b.append("[:]");
  }

  @Override
  public int getCardinality() {
    return 1;
  }

  @Override
  public AstNode getChild(int i) {
    return i == 0 ? base : null;
  }
}
