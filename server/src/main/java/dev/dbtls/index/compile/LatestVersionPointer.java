package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.ResourceType;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.project.Problem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dbt 1.12's {@code latest_version_pointer}: after the latest version of a versioned model builds,
 * a view named after the model without its version ({@code dim_customers}) that selects everything
 * from that version ({@code dim_customers_v2}), so what read the model before it was versioned
 * keeps working. On when the model's {@code latest_version_pointer: {enabled: true}}, or unset and
 * the project flag {@code latest_version_pointer_enabled_by_default} is true (false by default in
 * dbt Core 1.12). Its name is {@code latest_version_pointer.alias}, else the model's name, as dbt's
 * {@code generate_latest_version_pointer_alias} macro gives them (a project may override it). The
 * view gets the model's database and schema; no hooks, no persisted docs.
 */
public final class LatestVersionPointer {
  public static final String CONFIG = "latest_version_pointer";
  public static final String FLAG = "latest_version_pointer_enabled_by_default";
  public static final String ALIAS_MACRO = "generate_latest_version_pointer_alias";

  private LatestVersionPointer() {}

  /** Whether dbt creates a pointer view after {@code n} builds. */
  public static boolean wanted(ProjectSnapshot s, Node n) {
    if (n.type() != ResourceType.MODEL
        || n.version() == null
        || !n.version().equals(String.valueOf(n.extra().get("latest_version")))
        || "ephemeral".equals(n.materialized())) {
      return false;
    }
    Boolean enabled = bool(setting(n).get("enabled"));
    return enabled != null ? enabled : s.inputs().root().flag(FLAG);
  }

  /** {@code latest_version_pointer.alias}, trimmed; null when unset or blank. */
  public static String customAlias(Node n) {
    Object a = setting(n).get("alias");
    String t = a == null ? "" : String.valueOf(a).strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * The pointer view's name: the project's own {@code generate_latest_version_pointer_alias} when
   * it has one (rendered with the model as {@code node}), else dbt's default: the custom alias, or
   * the model's name.
   */
  public static Rendered alias(ProjectSnapshot s, NodeCompiler compiler, Node n) {
    String custom = customAlias(n);
    boolean overridden =
        s.manifest().macros().keySet().stream().anyMatch(k -> k.endsWith("." + ALIAS_MACRO));
    if (!overridden) {
      return new Rendered(custom != null ? custom : n.name(), List.<Problem>of(), true);
    }
    Map<String, Object> extra = new HashMap<>();
    extra.put("__dbtls_lvp_alias", custom);
    Rendered r =
        compiler.renderHook(n, "{{ " + ALIAS_MACRO + "(__dbtls_lvp_alias, model) }}", extra);
    return new Rendered(r.output().strip(), r.problems(), r.ranToEnd(), r.reads());
  }

  /**
   * Whether the pointer's name is the latest version's own relation name, which dbt refuses (the
   * view would replace the model). Unquoted names compare as the warehouse folds them.
   */
  public static boolean collides(Node n, String alias) {
    String own = n.relation() == null ? null : n.relation().identifier();
    return own != null && own.toLowerCase(Locale.ROOT).equals(alias.toLowerCase(Locale.ROOT));
  }

  /**
   * The pointer as dbt builds it: the model with the pointer's name as its alias, materialized as a
   * view, without hooks or persisted docs, compiled to {@code select * from <latest version>}.
   */
  public static CompiledNode compiled(ProjectSnapshot s, Node latest, String alias) {
    Map<String, Object> config = new LinkedHashMap<>(latest.config());
    config.put("alias", alias);
    config.put("materialized", "view");
    config.remove("pre-hook");
    config.remove("post-hook");
    config.remove("pre_hook");
    config.remove("post_hook");
    config.remove("persist_docs");
    RelationName r = latest.relation();
    Node pointer =
        latest.with(
            config,
            new RelationName(r == null ? null : r.database(), r == null ? null : r.schema(), alias),
            latest.dependsOn());
    String sql = "select * from " + Relations.rendered(s, latest);
    return new CompiledNode(pointer, sql, List.of(), false);
  }

  private static Map<?, ?> setting(Node n) {
    return n.config().get(CONFIG) instanceof Map<?, ?> m ? m : Map.of();
  }

  private static Boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String t && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(t);
    }
    return null;
  }
}
