package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.dbtls.project.ProblemCode;
import java.util.Collection;
import java.util.Map;

/**
 * What one render may ask of us (docs/limits.md). Jinja2 has no such limits; a Python process
 * running dbt simply grows or hangs. Here one node's render may not take the language server down:
 * strings are checked before they are built, so a string that would pass the limit is never
 * allocated, and long renders are stopped cooperatively at their next step (a name looked up, a
 * loop turn, a macro call, a filter). A hit records a located problem in the session and ends the
 * render with {@link Signals.LimitExceeded}; the node's other output is dropped and the other nodes
 * compile as usual.
 */
final class RenderLimits {
  private RenderLimits() {}

  /** Characters of any string a render builds, and of its output (10 million: ~20 MB). */
  static final long MAX_STRING = Long.getLong("dbtls.maxStringLength", 10_000_000L);

  /** Items of a list a render builds ({@code [x] * n}). */
  static final long MAX_ITEMS = 1_000_000L;

  /** Nested brackets in one expression; CPython's parser stops at 200. */
  static final int MAX_EXPRESSION_DEPTH = 100;

  /**
   * Tags nested in one template ({@code {% if %}} in {@code {% for %}} ...); CPython's tokenizer
   * stops at 100 indents.
   */
  static final int MAX_TAG_DEPTH = 100;

  /** Macro calls nested in one render (a macro calling itself without end). */
  static final int MAX_CALL_DEPTH = 100;

  /** The first node nested deeper than {@link #MAX_TAG_DEPTH} tags, or null; iterative. */
  static com.hubspot.jinjava.tree.Node tooDeep(com.hubspot.jinjava.tree.Node root) {
    java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
    stack.push(new Object[] {root, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      com.hubspot.jinjava.tree.Node n = (com.hubspot.jinjava.tree.Node) top[0];
      int depth = (Integer) top[1];
      if (depth > MAX_TAG_DEPTH && n instanceof com.hubspot.jinjava.tree.TagNode) {
        return n;
      }
      for (com.hubspot.jinjava.tree.Node c : n.getChildren()) {
        stack.push(new Object[] {c, depth + 1});
      }
    }
    return null;
  }

  /** Wall time of one render (a node, or one macro called from Java): read when a render starts. */
  static long timeoutMs() {
    return Long.getLong("dbtls.renderTimeoutMs", 10_000L);
  }

  /** Refuses a string of {@code length} characters before it is built. */
  static void length(long length, String what) {
    if (length > MAX_STRING || length < 0) {
      throw fail(
          ProblemCode.JINJA_TOO_LARGE,
          what
              + " would be "
              + (length < 0 ? "over 2^63" : length)
              + " characters long, more than the limit of "
              + MAX_STRING
              + "; the render stops here");
    }
  }

  static void items(long count, String what) {
    if (count > MAX_ITEMS || count < 0) {
      throw fail(
          ProblemCode.JINJA_TOO_LARGE,
          what
              + " would have "
              + count
              + " items, more than the limit of "
              + MAX_ITEMS
              + "; the render stops here");
    }
  }

  /** A value a filter or method returned: checked after the fact (it was built already). */
  static Object checked(Object value, String what) {
    if (value instanceof CharSequence s) {
      length(s.length(), what);
    } else if (value instanceof Collection<?> c) {
      items(c.size(), what);
    } else if (value instanceof Map<?, ?> m) {
      items(m.size(), what);
    }
    return value;
  }

  /** {@code length(a) * n} without overflow. */
  static long times(long a, long n) {
    return n <= 0 || a == 0 ? 0 : a > Long.MAX_VALUE / n ? -1 : a * n;
  }

  /** One step of a render: stops it when its time is up. */
  static void tick() {
    if (JinjavaInterpreter.getCurrent() instanceof DbtInterpreter d) {
      d.session.tick();
    }
  }

  static Signals.LimitExceeded fail(ProblemCode code, String message) {
    if (JinjavaInterpreter.getCurrent() instanceof DbtInterpreter d) {
      d.session.problem(code, message);
    }
    return new Signals.LimitExceeded(code, message);
  }

  /** Deepest nesting of brackets in an expression, outside string literals. */
  static int depth(String expression) {
    int depth = 0;
    int max = 0;
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        max = Math.max(max, ++depth);
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return max;
  }
}
