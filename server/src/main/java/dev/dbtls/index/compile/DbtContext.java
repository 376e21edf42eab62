package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.Target;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The names dbt puts in a node's template context: {@code ref}, {@code source}, {@code config},
 * {@code var}, {@code env_var}, {@code this}, {@code target}, {@code model}, {@code graph},
 * {@code is_incremental}, {@code execute} and the small constants. The template engine adds the
 * rest ({@code adapter}, {@code api}, {@code return}, {@code modules}, ...).
 */
final class DbtContext {
  static final String DBT_VERSION = dev.dbtls.project.DbtVersion.EMULATED;
  /**
   * One start time per process, as dbt has one per invocation: an aware UTC datetime, as dbt's
   * {@code datetime.now(tz=pytz.utc)} (prints {@code +00:00}, {@code astimezone} works).
   */
  static final Object RUN_STARTED_AT = dev.dbtls.jinja.DbtJinja.datetime(
      ZonedDateTime.now(ZoneOffset.UTC).toLocalDateTime(), ZoneOffset.UTC);

  private DbtContext() {}

  static Map<String, Object> globals(CompileScope scope, Supplier<Map<String, Object>> graph) {
    Node node = scope.node();
    Target target = scope.manifest().inputs().target();
    Map<String, Object> g = new HashMap<>();
    g.put("ref", new RefFunction(scope));
    g.put("source", new SourceFunction(scope));
    g.put("config", new ConfigObject(scope));
    g.put("var", new VarFunction(scope));
    g.put("env_var", new EnvVarFunction(scope));
    g.put("target", target.toJinja());
    g.put("this", Relations.of(node, scope.adapter(), scope.quoting()));
    g.put("model", NodeDicts.of(node));
    g.put("graph", new LazyMap(graph));
    // dbt asks the warehouse whether the relation exists; without a connection it cannot be incremental yet
    g.put("is_incremental", (JinjaCallable) (a, k) -> false);
    g.put("should_full_refresh", (JinjaCallable) (a, k) -> false);
    g.put("execute", !scope.parseOnly());
    g.put("project_name", scope.manifest().inputs().root().name());
    g.put("database", target.database());
    g.put("schema", target.schema());
    g.put("dbt_version", DBT_VERSION);
    g.put("invocation_id", "00000000-0000-0000-0000-000000000000");
    g.put("run_started_at", RUN_STARTED_AT);
    g.put("flags", Map.of("FULL_REFRESH", false, "STORE_FAILURES", false, "WHICH", "compile"));
    g.put("selected_resources", java.util.List.of());
    return g;
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
