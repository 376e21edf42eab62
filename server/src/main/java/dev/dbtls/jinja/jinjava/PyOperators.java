package dev.dbtls.jinja.jinjava;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/** Python meanings JUEL lacks: {@code '%s' % x}, {@code '-' * 3}, {@code [1] * 2}. */
final class PyOperators {
  private PyOperators() {}

  /** {@code a ~ b}: str() of both sides, so None prints as None. */
  static final AstBinary.Operator CONCAT =
      (bindings, context, left, right) -> {
        String l = PyValues.str(left.eval(bindings, context));
        String r = PyValues.str(right.eval(bindings, context));
        RenderLimits.length((long) l.length() + r.length(), "the string '~' builds");
        return l.concat(r);
      };

  /** {@code a ** b}: exact integers however big, floats for negative or fractional powers. */
  static final AstBinary.Operator POWER =
      (bindings, context, left, right) -> {
        Object l = left.eval(bindings, context);
        Object r = right.eval(bindings, context);
        if (!(l instanceof Number a) || !(r instanceof Number b)) {
          throw new IllegalArgumentException("unsupported operand type(s) for **");
        }
        if (integral(a) && integral(b) && b.longValue() >= 0 && b.longValue() < 10_000) {
          java.math.BigInteger p = java.math.BigInteger.valueOf(a.longValue()).pow(b.intValue());
          return p.bitLength() < 64 ? (Object) p.longValue() : p;
        }
        return Math.pow(a.doubleValue(), b.doubleValue());
      };

  /** {@code a // b}: floor division, exact for integers of any size, as in Python. */
  static final AstBinary.Operator FLOOR_DIV =
      (bindings, context, left, right) -> {
        Object l = left.eval(bindings, context);
        Object r = right.eval(bindings, context);
        if (!(l instanceof Number a) || !(r instanceof Number b)) {
          throw new IllegalArgumentException(
              "unsupported operand type(s) for //: '"
                  + PyMethods.typeName(l)
                  + "' and '"
                  + PyMethods.typeName(r)
                  + "'");
        }
        if (integral(a) && integral(b)) {
          if (big(b).signum() == 0) {
            throw new IllegalArgumentException("integer division or modulo by zero");
          }
          java.math.BigInteger[] qr = big(a).divideAndRemainder(big(b));
          boolean down = qr[1].signum() != 0 && (qr[1].signum() != big(b).signum());
          return exact(down ? qr[0].subtract(java.math.BigInteger.ONE) : qr[0]);
        }
        if (b.doubleValue() == 0) {
          throw new IllegalArgumentException("float floor division by zero");
        }
        return Math.floor(a.doubleValue() / b.doubleValue());
      };

  static boolean integral(Number n) {
    return n instanceof Long
        || n instanceof Integer
        || n instanceof Short
        || n instanceof Byte
        || n instanceof java.math.BigInteger;
  }

  private static java.math.BigInteger big(Number n) {
    return n instanceof java.math.BigInteger b ? b : java.math.BigInteger.valueOf(n.longValue());
  }

  /** Python ints never overflow: a long while it fits, a BigInteger beyond. */
  static Number exact(java.math.BigInteger v) {
    return v.bitLength() < 64 ? (Number) v.longValue() : v;
  }

  static AstBinary.Operator wrap(AstBinary.Operator op) {
    if (op == AstBinary.AND) {
      return (bindings, context, left, right) -> {
        Object l = left.eval(bindings, context);
        return PyValues.truthy(l) ? right.eval(bindings, context) : l;
      };
    }
    if (op == AstBinary.MOD) {
      return (bindings, context, left, right) -> mod(bindings, context, left, right);
    }
    if (op == AstBinary.ADD
        || op == AstBinary.SUB
        || op == com.hubspot.jinjava.el.ext.AdditionOperator.OP) {
      boolean add = op != AstBinary.SUB;
      return (bindings, context, left, right) -> {
        Object l = left.eval(bindings, context);
        Object r = right.eval(bindings, context);
        if (l instanceof PyTemporal t) {
          Object v = add ? t.plus(r) : t.minus(r);
          if (v != null) {
            return v;
          }
          throw new IllegalArgumentException(
              "unsupported operand type(s) for " + (add ? "+" : "-"));
        }
        if (add && r instanceof PyTemporal t && l instanceof PyTimedelta) {
          return t.plus(l);
        }
        if (l instanceof Number a && r instanceof Number b && integral(a) && integral(b)) {
          return exact(add ? big(a).add(big(b)) : big(a).subtract(big(b)));
        }
        if (add && l instanceof String a && r instanceof String b) {
          RenderLimits.length((long) a.length() + b.length(), "the string '+' builds");
        } else if (add && l instanceof Collection<?> a && r instanceof Collection<?> b) {
          RenderLimits.items((long) a.size() + b.size(), "the list '+' builds");
        }
        return op.eval(bindings, context, new Value(l), new Value(r));
      };
    }
    if (op == AstBinary.LT || op == AstBinary.LE || op == AstBinary.GT || op == AstBinary.GE) {
      // a value of a query that did not run (no warehouse) compares as false, never as an error
      return (bindings, context, left, right) -> {
        Object l = left.eval(bindings, context);
        Object r = right.eval(bindings, context);
        if (l instanceof AgateTable.EmptyColumns || r instanceof AgateTable.EmptyColumns) {
          return false;
        }
        try {
          return op.eval(bindings, context, new Value(l), new Value(r));
        } catch (jinjava.javax.el.ELException e) {
          String symbol =
              op == AstBinary.LT
                  ? "<"
                  : op == AstBinary.LE ? "<=" : op == AstBinary.GT ? ">" : ">=";
          throw new IllegalArgumentException(
              "'"
                  + symbol
                  + "' not supported between instances of '"
                  + PyMethods.typeName(l)
                  + "' and '"
                  + PyMethods.typeName(r)
                  + "'");
        }
      };
    }
    if (op == AstBinary.EQ || op == AstBinary.NE) {
      // Python's == never fails: values the EL cannot coerce to one type are unequal
      // (an empty query result, a list, compared with a number)
      boolean ne = op == AstBinary.NE;
      return (bindings, context, left, right) -> {
        Object l = left.eval(bindings, context);
        Object r = right.eval(bindings, context);
        try {
          return op.eval(bindings, context, new Value(l), new Value(r));
        } catch (jinjava.javax.el.ELException e) {
          return ne;
        }
      };
    }
    if (op == AstBinary.MUL) {
      return (bindings, context, left, right) -> mul(bindings, context, left, right);
    }
    return op;
  }

  private static Object mod(Bindings b, ELContext c, AstNode left, AstNode right) {
    Object l = left.eval(b, c);
    Object r = right.eval(b, c);
    if (l instanceof String s) {
      return PyFormat.percent(s, r);
    }
    if (l instanceof Number x && r instanceof Number y) {
      if (integral(x) && integral(y) && big(y).signum() != 0) {
        java.math.BigInteger d = big(y);
        java.math.BigInteger m = big(x).mod(d.abs()); // Python's sign follows the divisor
        return exact(d.signum() < 0 && m.signum() != 0 ? m.add(d) : m);
      }
      if (!integral(x) || !integral(y)) {
        double a = x.doubleValue();
        double d = y.doubleValue();
        return a - d * Math.floor(a / d);
      }
    }
    return AstBinary.MOD.eval(b, c, new Value(l), new Value(r));
  }

  private static Object mul(Bindings b, ELContext c, AstNode left, AstNode right) {
    Object l = left.eval(b, c);
    Object r = right.eval(b, c);
    if (l instanceof String s && r instanceof Number n) {
      return repeat(s, n);
    }
    if (r instanceof String s && l instanceof Number n) {
      return repeat(s, n);
    }
    if (l instanceof Number x && r instanceof Number y && integral(x) && integral(y)) {
      return exact(big(x).multiply(big(y)));
    }
    if (l instanceof Collection<?> items && r instanceof Number n) {
      RenderLimits.items(RenderLimits.times(items.size(), n.longValue()), "the list '*' builds");
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n.intValue(); i++) {
        out.addAll(items);
      }
      return out;
    }
    return AstBinary.MUL.eval(b, c, new Value(l), new Value(r));
  }

  private static String repeat(String s, Number n) {
    long times = PyOperators.integral(n) ? n.longValue() : (long) n.doubleValue();
    RenderLimits.length(RenderLimits.times(s.length(), times), "the string '*' builds");
    return s.repeat((int) Math.max(0, times));
  }

  /** An already evaluated operand, so JUEL's operator doesn't evaluate twice. */
  private static final class Value extends jinjava.de.odysseus.el.tree.impl.ast.AstRightValue {
    private final Object value;

    Value(Object value) {
      this.value = value;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
      return value;
    }

    @Override
    public void appendStructure(StringBuilder b, Bindings bindings) {
      b.append(value);
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
}
