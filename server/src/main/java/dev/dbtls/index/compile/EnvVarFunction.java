package dev.dbtls.index.compile;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.ProblemCode;
import java.util.List;
import java.util.Map;

/** {@code env_var('NAME')} and {@code env_var('NAME', default)}. */
final class EnvVarFunction implements JinjaCallable {
  /** dbt's prefix of environment variables that hold secrets. */
  static final String SECRET_PREFIX = "DBT_ENV_SECRET_";

  private final CompileScope scope;

  EnvVarFunction(CompileScope scope) {
    this.scope = scope;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(args, kwargs);
    String name = a.string(0, "var");
    if (name != null && name.startsWith(SECRET_PREFIX)) {
      // dbt's rule: secrets are for profiles.yml and packages.yml, never for compiled SQL
      scope
          .problems()
          .add(
              scope.problemAtCall(
                  "env_var",
                  name,
                  ProblemCode.ENV_VAR_SECRET,
                  "Secret env vars are allowed only in profiles.yml or packages.yml: '"
                      + name
                      + "'"));
      scope.fail();
      return "";
    }
    if (name != null) {
      scope.readEnvVar(name);
    }
    if (scope.unitTest() != null && name != null && scope.unitTest().envVars().containsKey(name)) {
      return String.valueOf(scope.unitTest().envVars().get(name));
    }
    String value = name == null ? null : scope.env().get(name);
    if (value != null) {
      return value;
    }
    if (a.has(1, "default")) {
      return a.get(1, "default");
    }
    scope
        .problems()
        .add(
            scope.problemAtCall(
                "env_var",
                name,
                ProblemCode.ENV_VAR_MISSING,
                "Env var required but not provided: '" + name + "'"));
    scope.fail();
    return "";
  }
}
