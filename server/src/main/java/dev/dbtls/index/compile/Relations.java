package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.ResourceType;
import dev.dbtls.jinja.Relation;
import dev.dbtls.project.Adapter;
import java.util.Map;

/** Turns a node's relation name into the {@code Relation} templates see, quoted as configured. */
public final class Relations {
  static final String EPHEMERAL_PREFIX = "__dbt__cte__";

  private Relations() {}

  static Relation of(Node n, Adapter adapter, Map<String, Object> projectQuoting) {
    if (n.relation() == null) {
      return Relation.of(adapter, null, null, n.name());
    }
    if ("ephemeral".equals(n.materialized())) {
      return Relation.of(adapter, null, null, EPHEMERAL_PREFIX + identifier(n))
          .withInclude(false, false, true)
          .withQuoting(false, false, false)
          .withType("cte");
    }
    RelationName r = n.relation();
    Relation rel =
        Relation.of(adapter, r.database(), r.schema(), r.identifier())
            .withQuoting(
                flag(projectQuoting, "database"),
                flag(projectQuoting, "schema"),
                flag(projectQuoting, "identifier"));
    if (n.type() == ResourceType.SOURCE && n.extra().get("quoting") instanceof Map<?, ?> q) {
      rel = rel.withQuoting(flag(q, "database"), flag(q, "schema"), flag(q, "identifier"));
    }
    Object configQuoting = n.config().get("quoting");
    if (configQuoting instanceof Map<?, ?> q) {
      rel = rel.withQuoting(flag(q, "database"), flag(q, "schema"), flag(q, "identifier"));
    }
    return rel.withType("view".equals(n.materialized()) ? "view" : "table");
  }

  /**
   * The node's identifier: its alias when it has one, else its name (what dbt names an ephemeral
   * model's CTE after).
   */
  static String identifier(Node n) {
    return n.relation() != null && n.relation().identifier() != null
        ? n.relation().identifier()
        : n.name();
  }

  /**
   * The relation name as compiled SQL spells it ({@code "db"."schema"."name"}), for a project's
   * target.
   */
  public static String rendered(ProjectSnapshot s, Node n) {
    return of(n, s.inputs().target().adapter(), s.inputs().root().quoting()).render();
  }

  /**
   * The schema a node is built in as a {@code create schema} spells it: {@code "db"."schema"} where
   * the database names a catalog (DuckDB), the schema alone on PostgreSQL and MySQL.
   */
  public static String schemaRendered(ProjectSnapshot s, Node n) {
    return of(n, s.inputs().target().adapter(), s.inputs().root().quoting()).renderSchema();
  }

  private static Boolean flag(Map<?, ?> m, String key) {
    return m.get(key) instanceof Boolean b ? b : null;
  }
}
