package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import dev.dbtls.jinja.Relation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ref('model')}, {@code ref('package', 'model')}, {@code ref('model', v=2)}: the relation of
 * the node dbt would pick. Unknown refs are already reported by the index (with their exact
 * location); here they mark the render as failed and yield the bare name so rendering goes on.
 */
final class RefFunction implements JinjaCallable, PyObject {
  private final CompileScope scope;

  RefFunction(CompileScope scope) {
    this.scope = scope;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(args, kwargs);
    String pkg = a.size() >= 2 ? a.string(0, "package") : (String) null;
    String name = a.size() >= 2 ? a.string(1, "name") : a.string(0, "name");
    Object v = kwargs.containsKey("v") ? kwargs.get("v") : kwargs.get("version");
    String version = v == null ? null : stripZero(String.valueOf(v));
    RefCall call = new RefCall(pkg, name, version, 0, 0);
    if (scope.parseOnly()) {
      scope.captured().refs().add(call);
      return Relation.of(scope.adapter(), null, null, name);
    }
    Manifest m = scope.manifest();
    Optional<Node> target =
        name == null ? Optional.empty() : m.resolveRef(scope.node().packageName(), call);
    scope.resolved("ref " + call.display(), target.orElse(null));
    if (target.isEmpty()) {
      scope.fail();
      return Relation.of(scope.adapter(), null, null, name);
    }
    Node t = target.get();
    if (scope.unitTest() != null) {
      Relation fixture = scope.fixture(t.uniqueId(), t.name(), call.display());
      return fixture != null ? fixture : Relation.of(scope.adapter(), null, null, name);
    }
    if ("ephemeral".equals(t.materialized())) {
      scope.ephemerals().add(t);
      return Relations.of(t, scope.adapter(), scope.quoting());
    }
    Relation r = Relations.of(t, scope.adapter(), scope.quoting());
    return scope.build() != null && scope.build().empty() ? r.withLimit(0) : r;
  }

  /**
   * {@code ref.config}: dbt's ref resolver carries the run's project config, which packages read as
   * {@code builtins.ref.config} (project and profile names, the invocation's arguments).
   */
  @Override
  public Object attr(String name) {
    if (!"config".equals(name)) {
      return MISSING;
    }
    dev.dbtls.project.Target target = scope.manifest().inputs().target();
    Map<String, Object> config = new java.util.HashMap<>();
    config.put("project_name", scope.manifest().inputs().root().name());
    config.put("profile_name", target.profileName());
    config.put("target_name", target.name());
    config.put("config_version", 2L);
    config.put("args", DbtContext.invocationArgs(target, "compile", false));
    // every project of the run by name: conf.dependencies["elementary"].version
    Map<String, Object> dependencies = new java.util.HashMap<>();
    List<dev.dbtls.project.DbtProject> projects =
        new java.util.ArrayList<>(scope.manifest().inputs().packages().values());
    projects.add(scope.manifest().inputs().root());
    for (dev.dbtls.project.DbtProject p : projects) {
      Map<String, Object> project = new java.util.HashMap<>();
      project.put("project_name", p.name());
      project.put("version", p.version());
      dependencies.put(p.name(), project);
    }
    config.put("dependencies", dependencies);
    config.put("version", scope.manifest().inputs().root().version());
    return config;
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return MISSING;
  }

  private static String stripZero(String v) {
    return v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
  }
}
