package dev.dbtls.index.compile;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import dev.dbtls.project.Configs;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code config}: callable to set configs ({@code config(materialized='table')}, which renders
 * nothing), and readable with {@code config.get('k', default)} and {@code config.require('k')};
 * {@code config.meta_get('k', default)} and {@code config.meta_require('k')} (dbt 1.10) read the
 * node's {@code meta} config, and answer "" while parsing, as dbt's parse context does.
 */
final class ConfigObject implements JinjaCallable, PyObject {
  private final CompileScope scope;

  ConfigObject(CompileScope scope) {
    this.scope = scope;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Map<String, Object> set = new LinkedHashMap<>(kwargs);
    if (!args.isEmpty() && args.get(0) instanceof Map<?, ?> m) {
      m.forEach((k, v) -> set.put(String.valueOf(k), v));
    }
    if (scope.parseOnly()) {
      scope.captured().config().putAll(Configs.merge(scope.captured().config(), set));
    }
    return "";
  }

  @Override
  public Object attr(String name) {
    return MISSING;
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(args, kwargs);
    String key = a.string(0, "name");
    Map<String, Object> config =
        scope.parseOnly() ? scope.captured().config() : scope.node().config();
    return switch (method) {
      case "get" ->
          config.containsKey(key) && config.get(key) != null
              ? config.get(key)
              : a.get(1, "default");
      case "require" -> {
        if (!config.containsKey(key) && !scope.parseOnly()) {
          scope
              .problems()
              .add(
                  Problem.ofFile(
                      scope.node().displayPath(),
                      ProblemCode.COMPILER_ERROR,
                      "config '"
                          + key
                          + "' is required by "
                          + scope.node().name()
                          + " but not set"));
          scope.fail();
        }
        yield config.get(key);
      }
      case "meta_get" -> {
        if (scope.parseOnly()) {
          yield "";
        }
        Map<?, ?> meta = meta();
        yield meta.containsKey(key) ? meta.get(key) : a.get(1, "default");
      }
      case "meta_require" -> {
        if (scope.parseOnly()) {
          yield "";
        }
        Map<?, ?> meta = meta();
        if (!meta.containsKey(key)) {
          scope
              .problems()
              .add(
                  Problem.ofFile(
                      scope.node().displayPath(),
                      ProblemCode.COMPILER_ERROR,
                      "meta key '"
                          + key
                          + "' is required by "
                          + scope.node().name()
                          + " but not set in its meta"));
          scope.fail();
        }
        yield meta.get(key);
      }
      case "set" -> {
        // as dbt: it sets while parsing; at run time the node's config is read-only and it does
        // nothing (that config is shared by every node configured alike)
        if (scope.parseOnly()) {
          config.put(key, a.get(1, "value"));
        }
        yield "";
      }
      case "persist_relation_docs", "persist_column_docs" -> false;
      default -> MISSING;
    };
  }

  private Map<?, ?> meta() {
    return scope.node().config().get("meta") instanceof Map<?, ?> m ? m : Map.of();
  }
}
