package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** A filter written as (value, arguments) -> result, the way Jinja2 calls filters. */
final class PyFilter implements Filter {
  private final String name;
  private final BiFunction<Object, Arguments, Object> body;

  PyFilter(String name, BiFunction<Object, Arguments, Object> body) {
    this.name = name;
    this.body = body;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object filter(
      Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    RenderLimits.tick();
    return RenderLimits.checked(
        body.apply(var, new Arguments(Arrays.asList(args), kwargs)),
        "the result of filter '" + name + "'");
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    RenderLimits.tick();
    return RenderLimits.checked(
        body.apply(var, new Arguments(List.<Object>of((Object[]) args), Map.of())),
        "the result of filter '" + name + "'");
  }
}
