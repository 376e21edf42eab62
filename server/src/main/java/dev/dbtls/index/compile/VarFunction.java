package dev.dbtls.index.compile;

import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Vars;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code var('name')} and {@code var('name', default)}, with dbt's scoping of vars by package. A
 * string value with Jinja in it is rendered where the var is called, with the node's context
 * ({@code "{{ ref('stg_orders') }}"} gives the relation, and records the ref while parsing), as dbt
 * does; other values, and defaults, come back as they are.
 */
final class VarFunction implements JinjaCallable {
  private final CompileScope scope;

  VarFunction(CompileScope scope) {
    this.scope = scope;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(args, kwargs);
    String name = a.string(0, "name");
    if (scope.unitTest() != null && name != null && scope.unitTest().vars().containsKey(name)) {
      return scope.unitTest().vars().get(name);
    }
    Optional<Vars.Holder> v =
        name == null
            ? Optional.empty()
            : scope.manifest().inputs().vars().lookup(scope.node().packageName(), name);
    if (v.isPresent()) {
      Object value = v.get().value();
      return Vars.rendered(value) ? DbtJinja.renderInCurrent((String) value) : value;
    }
    if (a.has(1, "default")) {
      return a.get(1, "default");
    }
    if (!scope.parseOnly()) {
      scope
          .problems()
          .add(
              scope.problemAtCall(
                  "var",
                  name,
                  ProblemCode.VAR_UNDEFINED,
                  "Required var '"
                      + name
                      + "' not found in config: set it in dbt_project.yml vars or with --vars"));
      scope.fail();
    }
    return null;
  }
}
