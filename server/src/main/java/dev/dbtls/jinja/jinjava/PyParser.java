package dev.dbtls.jinja.jinjava;

import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.COLON;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.COMMA;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.DOT;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.END_EVAL;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.IDENTIFIER;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.LBRACK;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.LPAREN;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.MUL;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.RBRACK;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.START_EVAL_DEFERRED;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.START_EVAL_DYNAMIC;
import static jinjava.de.odysseus.el.tree.impl.Scanner.Symbol.STRING;

import com.hubspot.jinjava.el.ext.AstDict;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstEval;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstNull;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.de.odysseus.el.tree.impl.ast.AstString;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

/**
 * Jinjava's expression parser taught the Python that dbt code uses: call chains, keyword arguments
 * on methods, splats, trailing commas, implicit string concatenation, {@code if x:}.
 */
final class PyParser extends ExtendedParser {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String input;

  PyParser(Builder context, String input) {
    super(context, input);
    this.input = input;
    putExtensionHandler(
        StringConcatOperator.TOKEN,
        new ExtensionHandler(ExtensionPoint.ADD) {
          @Override
          public AstNode createAstNode(AstNode... children) {
            return new AstBinary(children[0], children[1], PyOperators.CONCAT);
          }
        });
    // name=value exists only as a call's argument (see param()); anywhere else '=' is an error
    putExtensionHandler(
        com.hubspot.jinjava.el.ext.NamedParameterOperator.TOKEN,
        new ExtensionHandler(ExtensionPoint.ADD) {
          @Override
          public AstNode createAstNode(AstNode... children) {
            throw new jinjava.de.odysseus.el.tree.TreeBuilderException(
                input, 0, "'='", "end of expression", "unexpected '='");
          }
        });
    putExtensionHandler(
        com.hubspot.jinjava.el.ext.TruncDivOperator.TOKEN,
        new ExtensionHandler(ExtensionPoint.MUL) {
          @Override
          public AstNode createAstNode(AstNode... children) {
            return new AstBinary(children[0], children[1], PyOperators.FLOOR_DIV);
          }
        });
    putExtensionHandler(
        PowerOfOperator.TOKEN,
        new ExtensionHandler(ExtensionPoint.MUL) {
          @Override
          public AstNode createAstNode(AstNode... children) {
            return new AstBinary(children[0], children[1], PyOperators.POWER);
          }
        });
  }

  @Override
  protected Scanner createScanner(String expression) {
    return new PyScanner(expression);
  }

  /** Accepts a trailing ':' before the end, as Jinja2 does in {@code {% if x: %}}. */
  @Override
  protected AstEval eval(boolean required, boolean deferred) throws ScanException, ParseException {
    Symbol start = getToken().getSymbol();
    if (start != START_EVAL_DEFERRED && start != START_EVAL_DYNAMIC) {
      return super.eval(required, deferred);
    }
    consumeToken();
    AstNode v = expr(true);
    if (getToken().getSymbol() == COMMA) {
      v = bareTuple(v);
    }
    if (getToken().getSymbol() == COLON && lookahead(0).getSymbol() == END_EVAL) {
      consumeToken();
    }
    consumeToken(END_EVAL);
    return new AstEval(v, deferred);
  }

  /**
   * {@code a, b, c} without parentheses, as Jinja2 reads a whole expression ({@code {{ a, b }}},
   * {@code {% set a, b = b, a %}}, {@code {% for x in a, b %}}); a trailing comma is allowed.
   */
  private AstNode bareTuple(AstNode first) throws ScanException, ParseException {
    List<AstNode> items = new ArrayList<>();
    items.add(first);
    while (getToken().getSymbol() == COMMA) {
      consumeToken();
      AstNode next = expr(false);
      if (next == null) {
        break;
      }
      items.add(next);
    }
    return new TupleNode(createAstParameters(items));
  }

  /** Integers of any size: Jinja2's are Python ints. */
  @Override
  protected Number parseInteger(String string) throws ParseException {
    try {
      return Long.valueOf(string);
    } catch (NumberFormatException e) {
      try {
        return new java.math.BigInteger(string);
      } catch (NumberFormatException notANumber) {
        return super.parseInteger(string);
      }
    }
  }

  /**
   * Filters and tests in any order, as in Jinja2 ({@code pk | length is gt 1}, {@code x is string |
   * lower}); Jinjava stops after the filters or after one test.
   */
  @Override
  protected AstNode filter(boolean required) throws ScanException, ParseException {
    AstNode v = super.filter(required);
    while (v != null) {
      Scanner.Token t = getToken();
      if ("|".equals(t.getImage()) && lookahead(0).getSymbol() == IDENTIFIER) {
        consumeToken();
        String name = consumeToken().getImage();
        List<AstNode> params = new ArrayList<>(List.of(v, interpreter()));
        if (getToken().getSymbol() == LPAREN) {
          AstParameters args = params();
          for (int i = 0; i < args.getCardinality(); i++) {
            params.add(args.getChild(i));
          }
        }
        v =
            createAstMethod(
                createAstDot(identifier(FILTER_PREFIX + name), "filter", true),
                createAstParameters(params));
      } else if ("is".equals(t.getImage())
          && (testName(lookahead(0))
              || "not".equals(lookahead(0).getImage()) && testName(lookahead(1)))) {
        consumeToken();
        String method = "evaluate";
        if ("not".equals(getToken().getImage()) && testName(lookahead(0))) {
          consumeToken();
          method = "evaluateNegated";
        }
        String name = consumeToken().getImage();
        List<AstNode> params = new ArrayList<>(List.of(v, interpreter()));
        AstNode arg = value();
        if (arg != null) {
          params.add(arg);
        }
        v =
            createAstMethod(
                createAstDot(identifier(EXPTEST_PREFIX + name), method, true),
                createAstParameters(params));
      } else {
        return v;
      }
    }
    return v;
  }

  private static boolean testName(Scanner.Token t) {
    return NAME.matcher(t.getImage()).matches() && !t.getImage().equals("not");
  }

  @Override
  protected AstNode nonliteral() throws ScanException, ParseException {
    if (getToken().getSymbol() == IDENTIFIER) {
      String name = consumeToken().getImage();
      if ((name.equals("None") || name.equals("none")) && getToken().getSymbol() != LPAREN) {
        return new AstNull();
      }
      AstNode id = identifier(name);
      if (getToken().getSymbol() == LPAREN) {
        return new CallNode(id, params(), name);
      }
      return id;
    }
    if (getToken().getSymbol() == LPAREN && lookahead(0).getSymbol() == Symbol.RPAREN) {
      consumeToken();
      consumeToken();
      return new TupleNode(createAstParameters(new ArrayList<>())); // ()
    }
    return super.nonliteral();
  }

  /** Adjacent string literals concatenate, as in Python. */
  @Override
  protected AstNode literal() throws ScanException, ParseException {
    if (getToken().getSymbol() == STRING) {
      StringBuilder s = new StringBuilder(consumeToken().getImage());
      while (getToken().getSymbol() == STRING) {
        s.append(consumeToken().getImage());
      }
      return new AstString(s.toString());
    }
    return super.literal();
  }

  @Override
  protected AstParameters params(Symbol left, Symbol right) throws ScanException, ParseException {
    consumeToken(left);
    List<AstNode> l = Collections.emptyList();
    AstNode v = param();
    if (v != null) {
      l = new ArrayList<>();
      l.add(v);
      while (getToken().getSymbol() == COMMA) {
        consumeToken();
        if (getToken().getSymbol() == right) {
          break; // trailing comma
        }
        l.add(paramRequired());
      }
    }
    consumeToken(right);
    return createAstParameters(l);
  }

  private AstNode paramRequired() throws ScanException, ParseException {
    AstNode v = param();
    if (v == null) {
      fail("expression");
    }
    return v;
  }

  /** One argument, possibly {@code *args} or {@code **kwargs}. */
  private AstNode param() throws ScanException, ParseException {
    if (getToken().getSymbol() == MUL) {
      consumeToken();
      return new SplatNode(expr(true), false);
    }
    if ("**".equals(getToken().getImage())) {
      consumeToken();
      return new SplatNode(expr(true), true);
    }
    if (getToken().getSymbol() == IDENTIFIER
        && lookahead(0).getSymbol() == Symbol.EXTENSION
        && "=".equals(lookahead(0).getImage())) {
      // name=value with the whole expression as the value: Jinjava's '=' binds tighter than '+'
      String name = consumeToken().getImage();
      consumeToken();
      return new com.hubspot.jinjava.el.ext.AstNamedParameter(
          (jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier) identifier(name), expr(true));
    }
    return expr(false);
  }

  @Override
  protected AstMethod createAstMethod(AstProperty property, AstParameters params) {
    return new MethodCallNode(property, params);
  }

  @Override
  protected AstNode value() throws ScanException, ParseException {
    boolean lvalue = true;
    AstNode v = nonliteral();
    if (v == null) {
      v = literal();
      if (v == null) {
        return null;
      }
      lvalue = false;
    }
    while (true) {
      Symbol s = getToken().getSymbol();
      if (s == DOT) {
        consumeToken();
        String name = getToken().getImage();
        if (getToken().getSymbol() == Symbol.INTEGER) { // x.0 is x[0], as in Jinja2
          consumeToken();
          v =
              createAstBracket(
                  v,
                  new jinjava.de.odysseus.el.tree.impl.ast.AstNumber(parseInteger(name)),
                  lvalue,
                  false);
          continue;
        }
        if (!NAME.matcher(name).matches()) {
          fail(IDENTIFIER);
        }
        consumeToken(); // keywords are fine as attribute names: x.not, loop.first
        AstDot dot = createAstDot(v, name, lvalue);
        v = getToken().getSymbol() == LPAREN ? createAstMethod(dot, params()) : dot;
      } else if (s == LBRACK) {
        v = subscript(v, lvalue);
      } else if (s == LPAREN) {
        v = new CallNode(v, params(), null); // f(a)(b)
      } else {
        return v;
      }
    }
  }

  private AstNode subscript(AstNode base, boolean lvalue) throws ScanException, ParseException {
    consumeToken(LBRACK);
    AstNode property = expr(false);
    if (property != null && getToken().getSymbol() == COMMA) {
      List<AstNode> items = new ArrayList<>();
      items.add(property);
      while (getToken().getSymbol() == COMMA) {
        consumeToken();
        AstNode next = expr(false);
        if (next == null) {
          break;
        }
        items.add(next);
      }
      property = new TupleNode(createAstParameters(items));
    }
    if (getToken().getSymbol() == COLON) {
      consumeToken();
      AstNode stop = expr(false);
      AstNode step = null;
      if (getToken().getSymbol() == COLON) {
        consumeToken();
        step = expr(false);
      }
      consumeToken(RBRACK);
      return new SliceNode(base, property, stop, step);
    }
    consumeToken(RBRACK);
    AstBracket bracket = createAstBracket(base, property, lvalue, false);
    return getToken().getSymbol() == LPAREN ? createAstMethod(bracket, params()) : bracket;
  }

  /** {@code a if c else b}; without {@code else} the value is undefined, as in Jinja2. */
  @Override
  protected AstNode expr(boolean required) throws ScanException, ParseException {
    AstNode v = or(required);
    if (v == null || !"if".equals(getToken().getImage())) {
      return v;
    }
    consumeToken();
    AstNode condition = or(true);
    AstNode otherwise = UndefinedNode.INSTANCE;
    if ("else".equals(getToken().getImage())) {
      consumeToken();
      otherwise = expr(true);
    }
    return createAstChoice(condition, v, otherwise);
  }

  /** Chained comparisons: {@code a < b < c} means {@code a < b and b < c}. */
  @Override
  protected AstNode cmp(boolean required) throws ScanException, ParseException {
    AstNode v = super.cmp(required);
    AstNode chain = v;
    while (v instanceof AstBinary b && comparison(getToken().getSymbol()) != null) {
      AstBinary.Operator op = comparison(consumeToken().getSymbol());
      AstBinary next = createAstBinary(b.getChild(1), add(true), op);
      chain = createAstBinary(chain, next, AstBinary.AND);
      v = next;
    }
    return chain;
  }

  private static AstBinary.Operator comparison(Symbol s) {
    return switch (s) {
      case LT -> AstBinary.LT;
      case LE -> AstBinary.LE;
      case GT -> AstBinary.GT;
      case GE -> AstBinary.GE;
      default -> null;
    };
  }

  /** Jinja2's `not` binds looser than comparisons and tests: `not a == b`, `not x is none`. */
  @Override
  protected AstNode unary(boolean required) throws ScanException, ParseException {
    if (getToken().getSymbol() == Symbol.NOT) {
      consumeToken();
      return createAstUnary(eq(true), AstUnary.NOT);
    }
    if (getToken().getSymbol() == Symbol.PLUS) {
      consumeToken(); // unary plus: the number itself
      return unary(true);
    }
    return super.unary(required);
  }

  @Override
  protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator op) {
    return super.createAstBinary(left, right, PyOperators.wrap(op));
  }

  @Override
  protected AstTuple createAstTuple(AstParameters parameters) throws ScanException, ParseException {
    return new TupleNode(parameters);
  }

  @Override
  protected AstDict createAstDict(Map<AstNode, AstNode> dict) {
    return new DictNode(dict);
  }

  @Override
  protected AstBracket createAstBracket(
      AstNode base, AstNode property, boolean lvalue, boolean strict) {
    return new BracketNode(base, property, lvalue, strict);
  }

  @Override
  protected AstDot createAstDot(AstNode prefix, String name, boolean lvalue) {
    return new DotNode(prefix, name, lvalue);
  }
}
