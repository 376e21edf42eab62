package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.Target;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The names dbt puts in a node's template context: {@code ref}, {@code source}, {@code config},
 * {@code var}, {@code env_var}, {@code this}, {@code target}, {@code model}, {@code graph}, {@code
 * is_incremental}, {@code execute} and the small constants. The template engine adds the rest
 * ({@code adapter}, {@code api}, {@code return}, {@code modules}, ...).
 */
final class DbtContext {

  /**
   * One start time per process, as dbt has one per invocation: an aware datetime in UTC as in dbt
   * ({@code datetime.now(tz=pytz.utc)}), so it prints with {@code +00:00} and converts with
   * astimezone.
   */
  static final Object RUN_STARTED_AT =
      dev.dbtls.jinja.DbtJinja.utcDatetime(java.time.Instant.now());

  static final String INVOCATION_ID = "00000000-0000-0000-0000-000000000000";

  private DbtContext() {}

  /**
   * The names that are the same for every node of one compile (a snapshot and its build): built
   * once and read by every render on every thread, so nothing in it can be written.
   */
  static final class Shared {
    private final Map<String, Object> target;
    private final Object graph;
    private final String projectName;
    private final String database;
    private final String schema;
    private final String dbtVersion;
    private final Map<String, Object> flags;
    private final Map<String, Object> invocationArgs;

    @SuppressWarnings("unchecked")
    Shared(Manifest manifest, BuildContext build, Supplier<Map<String, Object>> graph) {
      Target t = manifest.inputs().target();
      // redacted once per compile, not once per node
      this.target = (Map<String, Object>) frozen(t.toJinja());
      this.graph = new LazyMap(graph);
      this.projectName = manifest.inputs().root().name();
      this.database = t.database();
      this.schema = t.schema();
      this.dbtVersion = manifest.inputs().dbtVersion().toString();
      String which = build == null ? "compile" : build.which();
      boolean fullRefresh = build != null && build.fullRefresh();
      boolean storeFailures = build != null && build.storeFailures();
      this.flags =
          Map.of("FULL_REFRESH", fullRefresh, "STORE_FAILURES", storeFailures, "WHICH", which);
      this.invocationArgs =
          java.util.Collections.unmodifiableMap(invocationArgs(t, which, fullRefresh));
    }
  }

  /** A read-only copy at every depth: one render must not change what the next one sees. */
  static Object frozen(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, frozen(v)));
      return java.util.Collections.unmodifiableMap(out);
    }
    if (value instanceof java.util.List<?> l) {
      return java.util.Collections.unmodifiableList(l.stream().map(DbtContext::frozen).toList());
    }
    return value;
  }

  /** A node's context with the shared part built on the spot, for a render on its own. */
  static Map<String, Object> globals(CompileScope scope, Supplier<Map<String, Object>> graph) {
    return globals(scope, new Shared(scope.manifest(), scope.build(), graph));
  }

  /** A node's context over the shared part of its compile: only what is the node's is built. */
  static Map<String, Object> globals(CompileScope scope, Shared shared) {
    Node node = scope.node();
    Map<String, Object> g = new HashMap<>();
    g.put("ref", new RefFunction(scope));
    g.put("source", new SourceFunction(scope));
    g.put("function", new FunctionFunction(scope));
    g.put("config", new ConfigObject(scope));
    g.put("var", new VarFunction(scope));
    g.put("env_var", new EnvVarFunction(scope));
    g.put("target", shared.target);
    g.put("this", Relations.of(node, scope.adapter(), scope.quoting()));
    g.put("model", NodeDicts.of(node, scope.rawCode()));
    g.put("graph", shared.graph);
    BuildContext build = scope.build();
    // dbt asks the warehouse whether the relation exists; without a connection it cannot be
    // incremental yet
    g.put("is_incremental", (JinjaCallable) (a, k) -> build != null && build.isIncremental(node));
    g.put(
        "should_full_refresh", (JinjaCallable) (a, k) -> build != null && build.fullRefresh(node));
    g.put("execute", !scope.parseOnly());
    g.put("project_name", shared.projectName);
    g.put("database", shared.database);
    g.put("schema", shared.schema);
    g.put("dbt_version", shared.dbtVersion);
    g.put("invocation_id", INVOCATION_ID);
    g.put("run_started_at", RUN_STARTED_AT);
    g.put("flags", shared.flags);
    g.put("selected_resources", java.util.List.of());
    g.put("invocation_args_dict", shared.invocationArgs);
    UnitTestInputs unitTest = scope.unitTest();
    if (unitTest != null) {
      // dbt: is_incremental() is false in a unit test unless the test overrides it
      g.put("is_incremental", (JinjaCallable) (a, k) -> false);
      if (unitTest.fixtures().containsKey(UnitTestInputs.THIS)) {
        // an incremental model's own table, as the unit test gives it
        g.put("this", scope.fixture(UnitTestInputs.THIS, "this", "this"));
      }
      // an overridden macro answers its value whatever it is called with; an overridden context
      // value (invocation_id) is the value
      unitTest
          .macros()
          .forEach(
              (name, value) -> {
                if (!name.contains(".")) {
                  Object was = g.get(name);
                  g.put(
                      name,
                      was != null && !(was instanceof JinjaCallable)
                          ? value
                          : (JinjaCallable) (a, k) -> value);
                }
              });
    }
    // dbt's context members under their own names, still reachable when a project's macro named
    // `ref` or `source` overrides them ({{ builtins.ref('m') }})
    g.put("builtins", java.util.Collections.unmodifiableMap(new HashMap<>(g)));
    return g;
  }

  /** {@code invocation_args_dict}: the command dbt was asked to run (compile, run, build...). */
  static Map<String, Object> invocationArgs(Target target, String which, boolean fullRefresh) {
    Map<String, Object> args = new HashMap<>();
    args.put("which", which);
    args.put("target", target.name());
    args.put("profile", target.profileName());
    args.put("vars", "{}");
    args.put("full_refresh", fullRefresh);
    return args;
  }

  /** A map built on first use: {@code graph} is large and most templates never read it. */
  static final class LazyMap extends java.util.AbstractMap<String, Object> {
    private final Supplier<Map<String, Object>> supplier;

    LazyMap(Supplier<Map<String, Object>> supplier) {
      this.supplier = supplier;
    }

    @Override
    public Object get(Object key) {
      return supplier.get().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return supplier.get().containsKey(key);
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return supplier.get().entrySet();
    }
  }
}
