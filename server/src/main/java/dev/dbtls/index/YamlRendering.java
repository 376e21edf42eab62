package dev.dbtls.index;

import dev.dbtls.project.Configs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jinja in YAML configs, rendered at load as dbt renders it: config trees of dbt_project.yml in
 * the dbt_project.yml context ({@code target}, {@code env_var}, {@code var} of --vars only), {@code
 * config:} blocks, sources and test configs of property YAML in the properties.yml context ({@code
 * var} sees every var of the package). Hooks are dbt's exception: they are rendered when they run,
 * never at load. Each distinct text is rendered once per build.
 */
public final class YamlRendering {
  /** Renders one YAML string. */
  public interface Renderer {
    /**
     * {@code projectFile}: dbt_project.yml's context, else property YAML's for {@code packageName}.
     */
    Result render(String text, String packageName, boolean projectFile);

    /**
     * Gets ready to render, in the background, when it will have to (files are scanned meanwhile).
     */
    default void warm() {}
  }

  /**
   * A rendered value (native: a bool, number, list, or text) and the problem, if rendering failed.
   */
  public record Result(Object value, String problem) {}

  /** Hears a YAML text that failed to render, and why. */
  public interface Problems {
    void failed(String text, String message);
  }

  /** Renders nothing: YAML as written. */
  static final YamlRendering NONE = new YamlRendering(null);

  private final Renderer renderer;
  private final Map<String, Result> cache = new ConcurrentHashMap<>();

  YamlRendering(Renderer renderer) {
    this.renderer = renderer;
  }

  void warm() {
    if (renderer != null) {
      renderer.warm();
    }
  }

  /**
   * {@code config} with its strings rendered (hooks excepted) and a rendered {@code enabled} made a
   * boolean; {@code problems} hears each text that failed, once per build.
   */
  Map<String, Object> config(
      Map<String, Object> config, String pkg, boolean projectFile, Problems problems) {
    if (renderer == null || config.isEmpty()) {
      return config;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    config.forEach(
        (k, v) -> {
          String key = Configs.normalizeKey(k);
          Object rendered =
              key.equals("pre-hook") || key.equals("post-hook")
                  ? v
                  : value(v, pkg, projectFile, problems);
          out.put(k, key.equals("enabled") ? enabled(rendered) : rendered);
        });
    return out;
  }

  /** One YAML value (a string, or a list or mapping of them) rendered. */
  Object value(Object v, String pkg, boolean projectFile, Problems problems) {
    if (renderer == null) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), value(x, pkg, projectFile, problems)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(value(x, pkg, projectFile, problems)));
      return out;
    }
    if (!(v instanceof String s) || !s.contains("{{") && !s.contains("{%")) {
      return v;
    }
    String key = (projectFile ? "\u0001" : pkg + "\u0000") + s;
    Result cached = cache.get(key);
    if (cached == null) {
      Result r = renderer.render(s, pkg, projectFile);
      cached = cache.putIfAbsent(key, r);
      if (cached == null) {
        cached = r;
        if (r.problem() != null) {
          problems.failed(s, r.problem());
        }
      }
    }
    return cached.value();
  }

  /** A string value rendered, or the text as written when it is not one. */
  String string(String text, String pkg, Problems problems) {
    Object v = value(text, pkg, false, problems);
    return v == null ? null : String.valueOf(v);
  }

  /**
   * dbt renders YAML natively, so {@code "{{ target.name == 'prod' }}"} is the boolean False; a
   * rendered text {@code "false"} or {@code "False"} means the same.
   */
  static Object enabled(Object v) {
    if (v instanceof String s) {
      String t = s.strip();
      if (t.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      if (t.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
    }
    return v;
  }
}
