package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.Scanner.Token;

/** {@code {% for a, b in items if cond %}...{% else %}...{% endfor %}} with Jinja2's semantics. */
final class ForTag implements Tag {
  @Override
  public String getName() {
    return "for";
  }

  /** A loop header cut once: {@code targets in iterable if condition}. */
  private record Header(List<String> targets, String iterable, String condition) {}

  private static final Map<String, Header> HEADERS = new ConcurrentHashMap<>();

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    String helpers = node.getHelpers().trim();
    Header h = HEADERS.get(helpers);
    if (h == null) {
      h = header(helpers);
      if (h == null) {
        throw new TemplateSyntaxException(
            helpers, "expected 'in' in for loop", node.getLineNumber(), node.getStartPosition());
      }
      if (HEADERS.size() > 20_000) {
        HEADERS.clear(); // bounded: headers are few per project
      }
      HEADERS.put(helpers, h);
    }
    List<String> targets = h.targets();
    String iterable = h.iterable();
    String condition = h.condition();

    List<Node> body = new ArrayList<>();
    List<Node> orElse = new ArrayList<>();
    List<Node> target = body;
    for (Node child : node.getChildren()) {
      if (target == body && child instanceof TagNode t && t.getName().equals("else")) {
        target = orElse;
      } else {
        target.add(child);
      }
    }

    Object collection = interpreter.resolveELExpression(iterable, node.getLineNumber());
    List<Object> items = PyMethods.toList(collection);
    StringBuilder out = new StringBuilder();
    try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      if (condition != null) {
        List<Object> kept = new ArrayList<>();
        for (Object item : items) {
          RenderLimits.tick();
          assign(interpreter, targets, item);
          if (PyValues.truthy(interpreter.resolveELExpression(condition, node.getLineNumber()))) {
            kept.add(item);
          }
        }
        items = kept;
      }
      int depth =
          interpreter.getContext().get("loop") instanceof PyLoop outer
              ? ((Long) outer.attr("depth")).intValue() + 1
              : 1;
      PyLoop loop = new PyLoop(items, depth);
      interpreter.getContext().put("loop", loop);
      while (loop.advance()) {
        RenderLimits.tick();
        assign(interpreter, targets, loop.current());
        try {
          for (Node child : body) {
            interpreter.setLineNumber(child.getLineNumber());
            interpreter.setPosition(child.getStartPosition());
            out.append(child.render(interpreter).getValue());
            RenderLimits.length(out.length(), "the output of this for loop");
          }
        } catch (Signals.LoopControl c) {
          if (c.isBreak) {
            break;
          }
        }
      }
    }
    if (items.isEmpty()) {
      for (Node child : orElse) {
        out.append(child.render(interpreter).getValue());
      }
    }
    return out.toString();
  }

  private static Header header(String helpers) {
    int in = helpers.indexOf(" in ");
    if (in < 0) {
      return null;
    }
    List<String> targets = new ArrayList<>();
    for (String t : helpers.substring(0, in).replace("(", "").replace(")", "").split(",")) {
      if (!t.isBlank()) {
        targets.add(t.trim());
      }
    }
    String rest = helpers.substring(in + 4).trim();
    int ifAt = filterStart(rest);
    return new Header(
        List.copyOf(targets),
        ifAt < 0 ? rest : rest.substring(0, ifAt).trim(),
        ifAt < 0 ? null : rest.substring(ifAt + 3).trim());
  }

  static void assign(JinjavaInterpreter interpreter, List<String> targets, Object item) {
    if (targets.size() == 1) {
      interpreter.getContext().put(targets.get(0), item);
      return;
    }
    List<Object> parts =
        item instanceof Map.Entry<?, ?> e
            ? List.of(e.getKey(), e.getValue())
            : PyMethods.toList(item);
    for (int i = 0; i < targets.size(); i++) {
      interpreter
          .getContext()
          .put(targets.get(i), i < parts.size() ? parts.get(i) : Undefined.INSTANCE);
    }
  }

  /**
   * Offset of a loop filter's {@code if} (one without an {@code else}) at bracket depth 0, or -1.
   */
  private static int filterStart(String rest) {
    PyScanner s = new PyScanner("#{" + rest + "}");
    try {
      int depth = 0;
      int candidate = -1;
      for (Token t = s.next();
          t.getSymbol() != Symbol.EOF && t.getSymbol() != Symbol.END_EVAL;
          t = s.next()) {
        String img = t.getImage();
        if (t.getSymbol() == Symbol.LPAREN || t.getSymbol() == Symbol.LBRACK || "{".equals(img)) {
          depth++;
        } else if (t.getSymbol() == Symbol.RPAREN
            || t.getSymbol() == Symbol.RBRACK
            || "}".equals(img)) {
          depth--;
        } else if (depth == 0 && "if".equals(img)) {
          candidate = s.getPosition() - 2;
        } else if (depth == 0 && "else".equals(img)) {
          candidate = -1;
        }
      }
      return candidate;
    } catch (ScanException e) {
      return -1;
    }
  }
}
