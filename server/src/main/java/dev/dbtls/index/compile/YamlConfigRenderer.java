package dev.dbtls.index.compile;

import dev.dbtls.index.YamlRendering;
import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.JinjaSetup;
import dev.dbtls.jinja.RenderRequest;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Vars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders YAML strings in the contexts dbt documents for dbt_project.yml and properties.yml: {@code
 * target}, {@code env_var}, {@code var} (only vars.yml and --vars in dbt_project.yml), {@code
 * dbt_version}, {@code run_started_at}, {@code invocation_id} and the builtins ({@code modules},
 * {@code fromjson}, ...); no macros. Rendering is native, as dbt's: a lone {@code {{ expression }}}
 * gives its value (a boolean, number or list), anything else the text.
 */
final class YamlConfigRenderer implements YamlRendering.Renderer {
  private final ProjectInputs inputs;
  private final Map<String, String> env;
  private volatile DbtJinja engine;

  YamlConfigRenderer(ProjectInputs inputs, Map<String, String> env) {
    this.inputs = inputs;
    this.env = env;
  }

  /** An engine without macros: cheap, and built only when some YAML value has Jinja. */
  private DbtJinja engine() {
    DbtJinja e = engine;
    if (e == null) {
      synchronized (this) {
        if (engine == null) {
          engine =
              new DbtJinja(
                  new JinjaSetup(
                      inputs.target().adapter(),
                      inputs.root().name(),
                      List.of(),
                      Map.of(),
                      null,
                      inputs.dbtVersion()));
        }
        e = engine;
      }
    }
    return e;
  }

  /** Builds the engine on another thread when a config tree of dbt_project.yml has Jinja. */
  @Override
  public void warm() {
    if (engine != null) {
      return;
    }
    List<dev.dbtls.project.DbtProject> projects = new ArrayList<>(List.of(inputs.root()));
    projects.addAll(inputs.packages().values());
    boolean jinja =
        projects.stream()
            .anyMatch(
                p ->
                    java.util.stream.Stream.of(
                            p.models(),
                            p.seeds(),
                            p.snapshots(),
                            p.sources(),
                            p.tests(),
                            p.analyses())
                        .anyMatch(YamlConfigRenderer::hasJinja));
    if (jinja) {
      Thread t = new Thread(this::engine, "dbtls-yaml-engine");
      t.setDaemon(true);
      t.start();
    }
  }

  private static boolean hasJinja(dev.dbtls.project.yaml.YamlNode n) {
    if (n instanceof dev.dbtls.project.yaml.YamlScalar s) {
      return s.value() instanceof String str && (str.contains("{{") || str.contains("{%"));
    }
    if (n instanceof dev.dbtls.project.yaml.YamlMap m) {
      return m.entries().values().stream().anyMatch(YamlConfigRenderer::hasJinja);
    }
    return n instanceof dev.dbtls.project.yaml.YamlList l
        && l.items().stream().anyMatch(YamlConfigRenderer::hasJinja);
  }

  @Override
  public YamlRendering.Result render(String text, String packageName, boolean projectFile) {
    List<String> missing = new ArrayList<>();
    Map<String, Object> g = new HashMap<>();
    g.put("target", inputs.target().toJinja());
    g.put("dbt_version", inputs.dbtVersion().toString());
    g.put("project_name", inputs.root().name());
    // dbt's base context: dbt_project.yml may name the run's start ({{
    // run_started_at.strftime('%Y') }})
    g.put("run_started_at", DbtContext.RUN_STARTED_AT);
    g.put("invocation_id", DbtContext.INVOCATION_ID);
    g.put(
        "var",
        (JinjaCallable)
            (args, kwargs) -> {
              Args a = new Args(args, kwargs);
              String name = a.string(0, "name");
              Optional<Object> v = lookup(name, packageName, projectFile);
              if (v.isPresent()) {
                return v.get();
              }
              if (a.has(1, "default")) {
                return a.get(1, "default");
              }
              missing.add(
                  "Required var '"
                      + name
                      + "' not found in config"
                      + (projectFile ? " (dbt_project.yml sees only --vars)" : ""));
              return null;
            });
    g.put(
        "env_var",
        (JinjaCallable)
            (args, kwargs) -> {
              Args a = new Args(args, kwargs);
              String name = a.string(0, "var");
              String value = name == null ? null : env.get(name);
              if (value != null) {
                return value;
              }
              if (a.has(1, "default")) {
                return a.get(1, "default");
              }
              missing.add("Env var required but not provided: '" + name + "'");
              return "";
            });
    Rendered r = engine().render(new RenderRequest("", text, packageName, g));
    if (!missing.isEmpty() || r.failed()) {
      String why =
          !missing.isEmpty()
              ? missing.get(0)
              : r.problems().stream()
                  .filter(Problem::isError)
                  .map(Problem::message)
                  .findFirst()
                  .orElse("");
      return new YamlRendering.Result(text, "cannot render '" + text.strip() + "': " + why);
    }
    return new YamlRendering.Result(
        isOneExpression(text) ? PythonLiteral.parse(r.output()).orElse(r.output()) : r.output(),
        null);
  }

  private Optional<Object> lookup(String name, String packageName, boolean projectFile) {
    if (name == null) {
      return Optional.empty();
    }
    if (projectFile) {
      Map<String, Object> early = inputs.vars().projectFileVars(); // vars.yml and --vars
      return early.containsKey(name) ? Optional.ofNullable(early.get(name)) : Optional.empty();
    }
    return inputs.vars().lookup(packageName, name).map(Vars.Holder::value);
  }

  /** {@code {{ x }}} and nothing else: dbt's native rendering keeps the value's type. */
  private static boolean isOneExpression(String text) {
    String t = text.strip();
    return t.startsWith("{{") && t.endsWith("}}") && t.indexOf("{{", 2) < 0 && !t.contains("{%");
  }
}
