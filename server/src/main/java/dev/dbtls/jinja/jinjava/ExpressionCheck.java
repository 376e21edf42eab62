package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.TreeBuilderException;

/**
 * Jinjava parses expressions only when it evaluates them; macro files are checked up front so a
 * broken expression in a macro nobody calls yet is still reported, at its line.
 */
final class ExpressionCheck {
  private ExpressionCheck() {}

  static void check(DbtJinjava jinjava, Node node, String path, List<Problem> out) {
    String missing = missing(node);
    if (missing != null) {
      out.add(
          Problem.at(
              path,
              Math.max(0, node.getLineNumber() - 1),
              Math.max(0, node.getStartPosition() - 1),
              ProblemCode.JINJA_SYNTAX,
              missing));
    }
    for (String expr : expressions(node)) {
      check(jinjava, node, expr, path, out);
    }
    for (Node child : node.getChildren()) {
      check(jinjava, child, path, out);
    }
  }

  private static final java.util.regex.Pattern IN =
      java.util.regex.Pattern.compile("(^|\\W)in(\\W|$)");

  /** What Jinja2 requires and the node lacks: an expression, a loop's 'in', a default. */
  private static String missing(Node node) {
    if (node instanceof ExpressionNode
        && node.getMaster() instanceof ExpressionToken t
        && t.getExpr().isBlank()) {
      return "expected an expression in {{ }}";
    }
    if (!(node instanceof TagNode t)) {
      return null;
    }
    String h = t.getHelpers() == null ? "" : t.getHelpers();
    switch (t.getName()) {
      case "if", "elif", "do" -> {
        return h.isBlank() ? "expected an expression after '" + t.getName() + "'" : null;
      }
      case "for" -> {
        return IN.matcher(h).find() ? null : "expected 'in' in the for loop";
      }
      case "macro" -> {
        MacroSignature sig = MacroSignature.parse(h.trim());
        if (sig != null) {
          boolean defaults = false;
          for (MacroSignature.Param p : sig.params()) {
            if (p.defaultExpr() == null && defaults) {
              return "non-default argument follows default argument";
            }
            defaults |= p.defaultExpr() != null;
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** The expressions a node will evaluate, as text. */
  private static List<String> expressions(Node node) {
    if (node instanceof ExpressionNode && node.getMaster() instanceof ExpressionToken t) {
      return List.of(t.getExpr());
    }
    if (!(node instanceof TagNode t)) {
      return List.of();
    }
    String h = t.getHelpers();
    List<String> out = new ArrayList<>();
    switch (t.getName()) {
      case "if", "elif", "do" -> out.add(h);
      case "set" -> {
        if (h.contains("=")) {
          out.add(h.substring(h.indexOf('=') + 1));
        }
      }
      case "for" -> {
        int in = h.indexOf(" in ");
        if (in >= 0) {
          out.add(h.substring(in + 4)); // a loop filter `x if c` parses as a conditional
        }
      }
      case "call" -> out.add(h.trim().startsWith("(") ? h.substring(h.indexOf(')') + 1) : h);
      case "macro", "test", "data_test" -> {
        MacroSignature sig = MacroSignature.parse(h.trim());
        if (sig != null) {
          sig.params().stream()
              .map(MacroSignature.Param::defaultExpr)
              .filter(d -> d != null)
              .forEach(out::add);
        }
      }
      case "with" ->
          TopLevel.split(h, ',').stream()
              .filter(a -> a.contains("="))
              .forEach(a -> out.add(a.substring(a.indexOf('=') + 1)));
      default -> {}
    }
    return out;
  }

  private static void check(
      DbtJinjava jinjava, Node node, String expr, String path, List<Problem> out) {
    if (expr != null && !expr.isBlank()) {
      try {
        jinjava.parseExpression(expr);
      } catch (TreeBuilderException e) {
        String msg =
            "invalid expression '"
                + expr.trim()
                + "': encountered "
                + e.getEncountered()
                + ", expected "
                + e.getExpected();
        out.add(
            Problem.at(
                path,
                Math.max(0, node.getLineNumber() - 1),
                Math.max(0, node.getStartPosition() - 1),
                ProblemCode.JINJA_SYNTAX,
                msg));
      } catch (RuntimeException e) {
        // not a syntax problem; rendering will report whatever it is
      }
    }
  }
}
