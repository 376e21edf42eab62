package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.List;
import jinjava.de.odysseus.el.tree.TreeBuilderException;

/**
 * Jinjava parses expressions only when it evaluates them; macro files are checked up front so a
 * broken expression in a macro nobody calls yet is still reported, at its line.
 */
final class ExpressionCheck {
  private ExpressionCheck() {}

  static void check(DbtJinjava jinjava, Node node, String path, List<Problem> out) {
    String expr = null;
    if (node instanceof ExpressionNode && node.getMaster() instanceof ExpressionToken t) {
      expr = t.getExpr();
    } else if (node instanceof TagNode t) {
      String h = t.getHelpers();
      expr = switch (t.getName()) {
        case "if", "elif", "do" -> h;
        case "set" -> h.contains("=") ? h.substring(h.indexOf('=') + 1) : null;
        default -> null;
      };
    }
    if (expr != null && !expr.isBlank()) {
      try {
        jinjava.parseExpression(expr);
      } catch (TreeBuilderException e) {
        String msg = "invalid expression '" + expr.trim() + "': encountered " + e.getEncountered()
            + ", expected " + e.getExpected();
        out.add(Problem.at(path, Math.max(0, node.getLineNumber() - 1),
            Math.max(0, node.getStartPosition() - 1), ProblemCode.JINJA_SYNTAX, msg));
      } catch (RuntimeException e) {
        // not a syntax problem; rendering will report whatever it is
      }
    }
    for (Node child : node.getChildren()) {
      check(jinjava, child, path, out);
    }
  }
}
