package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's map: {@code map('lower')} applies a filter, {@code map(attribute='a', default=x)} picks.
 */
final class MapFilter implements Filter {
  @Override
  public String getName() {
    return "map";
  }

  @Override
  public Object filter(
      Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    List<Object> out = new ArrayList<>();
    if (kwargs.containsKey("attribute")) {
      String attribute = PyValues.str(kwargs.get("attribute"));
      for (Object o : PyMethods.toList(var)) {
        Object v = o;
        for (String part : attribute.split("\\.")) {
          v = interpreter.resolveProperty(v, part);
        }
        out.add(
            (v == null || v instanceof Undefined) && kwargs.containsKey("default")
                ? kwargs.get("default")
                : v);
      }
      return out;
    }
    if (args.length == 0) {
      return PyMethods.toList(var);
    }
    Filter f = interpreter.getContext().getFilter(PyValues.str(args[0]));
    if (f == null) {
      RenderSession.of(interpreter)
          .problem(dev.dbtls.project.ProblemCode.JINJA_RENDER, "no filter named '" + args[0] + "'");
      return out;
    }
    Object[] rest = Arrays.copyOfRange(args, 1, args.length);
    for (Object o : PyMethods.toList(var)) {
      out.add(f.filter(o, interpreter, rest, Map.of()));
    }
    return out;
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    return filter(var, interpreter, (Object[]) args, Map.of());
  }
}
