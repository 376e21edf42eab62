package dev.dbtls.index.compile;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.ProblemCode;
import java.util.List;
import java.util.Map;

/** {@code env_var('NAME')} and {@code env_var('NAME', default)}. */
final class EnvVarFunction implements JinjaCallable {
  private final CompileScope scope;

  EnvVarFunction(CompileScope scope) {
    this.scope = scope;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(args, kwargs);
    String name = a.string(0, "var");
    String value = name == null ? null : scope.env().get(name);
    if (value != null) {
      return value;
    }
    if (a.has(1, "default")) {
      return a.get(1, "default");
    }
    scope.problems().add(scope.problemAtCall("env_var", name, ProblemCode.ENV_VAR_MISSING,
        "Env var required but not provided: '" + name + "'"));
    scope.fail();
    return "";
  }
}
