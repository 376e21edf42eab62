package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.Relation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code function('name')}, {@code function('package', 'name')} (dbt 1.11): the relation of the
 * user-defined function dbt would pick, written where the SQL calls it ({@code
 * analytics.udfs.is_positive_int(x)}). An unknown function is already reported by the index at the
 * call; here it marks the render as failed and yields the bare name so rendering goes on.
 */
final class FunctionFunction implements JinjaCallable {
  private final CompileScope scope;

  FunctionFunction(CompileScope scope) {
    this.scope = scope;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(args, kwargs);
    String pkg = a.size() >= 2 ? a.string(0, "package") : (String) null;
    String name = a.size() >= 2 ? a.string(1, "name") : a.string(0, "name");
    if (scope.parseOnly() || name == null) {
      return Relation.of(scope.adapter(), null, null, name);
    }
    Optional<Node> target =
        scope
            .manifest()
            .resolveFunction(scope.node().packageName(), new RefCall(pkg, name, null, 0, 0));
    scope.resolved("function " + name, target.orElse(null));
    if (target.isEmpty()) {
      scope.fail();
      return Relation.of(scope.adapter(), null, null, name);
    }
    return Relations.of(target.get(), scope.adapter(), scope.quoting());
  }
}
