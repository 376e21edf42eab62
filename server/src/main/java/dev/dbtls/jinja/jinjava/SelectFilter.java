package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * select/reject/selectattr/rejectattr as in Jinja2: a test by name with its arguments, or plain
 * truthiness when no test is given.
 */
final class SelectFilter implements Filter {
  private final String name;
  private final boolean keep;
  private final boolean byAttribute;

  SelectFilter(String name, boolean keep, boolean byAttribute) {
    this.name = name;
    this.keep = keep;
    this.byAttribute = byAttribute;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object filter(
      Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    int at = 0;
    String attribute = byAttribute && args.length > 0 ? PyValues.str(args[at++]) : null;
    ExpTest test = null;
    if (args.length > at) {
      test = interpreter.getContext().getExpTest(PyValues.str(args[at++]));
      if (test == null) {
        RenderSession.of(interpreter)
            .problem(
                dev.dbtls.project.ProblemCode.JINJA_RENDER, "no test named '" + args[at - 1] + "'");
        return new ArrayList<>();
      }
    }
    Object[] rest = Arrays.copyOfRange(args, at, args.length);
    List<Object> out = new ArrayList<>();
    for (Object item : PyMethods.toList(var)) {
      Object v = item;
      if (attribute != null) {
        for (String part : attribute.split("\\.")) {
          v = interpreter.resolveProperty(v, part);
        }
      }
      boolean passed = test == null ? PyValues.truthy(v) : test.evaluate(v, interpreter, rest);
      if (passed == keep) {
        out.add(item);
      }
    }
    return out;
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    return filter(var, interpreter, (Object[]) args, Map.of());
  }
}
