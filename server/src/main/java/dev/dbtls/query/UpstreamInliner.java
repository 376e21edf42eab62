package dev.dbtls.query;

import dev.dbtls.ide.SqlTokens;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.compile.Relations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Previews of models whose parents are not built yet: each missing parent model is compiled and put
 * in front of the query as a CTE (its own missing parents first), and on DuckDB a missing seed is
 * read straight from its CSV file — so a fresh clone previews any model with no {@code dbt build}.
 * The caller says which relations exist; sources are never replaced.
 *
 * @param sql the SQL to run
 * @param inlined the parents put in as CTEs or read from CSV, in order (empty: nothing changed)
 */
public record UpstreamInliner(String sql, List<String> inlined) {
  static final String PREFIX = dev.dbtls.ide.PlanSources.UPSTREAM_PREFIX;

  /**
   * {@code prepared} with the parents its target's warehouse lacks put in front; unchanged when the
   * warehouse cannot list its relations.
   */
  public static UpstreamInliner onWarehouse(
      ProjectSnapshot s, PreviewSql prepared, dev.dbtls.warehouse.Warehouses warehouses) {
    return warehouses
        .existingRelations(s.inputs())
        .map(have -> inline(s, prepared.nodeId(), prepared.sql(), have::contains))
        .orElse(new UpstreamInliner(prepared.sql(), List.of()));
  }

  /** {@code exists} answers for a rendered relation name, lower-cased, without quotes. */
  public static UpstreamInliner inline(
      ProjectSnapshot s, String nodeId, String sql, Predicate<String> exists) {
    Node node = nodeId == null ? null : s.manifest().nodes().get(nodeId);
    if (node == null) {
      return new UpstreamInliner(sql, List.of());
    }
    Map<String, String> ctes = new LinkedHashMap<>(); // cte name -> body, parents first
    Map<String, String> renames = new LinkedHashMap<>(); // rendered relation -> cte name
    collect(s, node, exists, ctes, renames, new HashSet<>(), new NodeCompiler(s));
    if (ctes.isEmpty()) {
      return new UpstreamInliner(sql, List.of());
    }
    List<String> parts = new ArrayList<>();
    ctes.forEach((name, body) -> parts.add(name + " as (\n" + replace(body, renames) + "\n)"));
    String out = prepend(String.join(",\n", parts), replace(sql, renames));
    return new UpstreamInliner(
        out,
        List.copyOf(renames.values().stream().map(n -> n.substring(PREFIX.length())).toList()));
  }

  private static void collect(
      ProjectSnapshot s,
      Node node,
      Predicate<String> exists,
      Map<String, String> ctes,
      Map<String, String> renames,
      Set<String> seen,
      NodeCompiler compiler) {
    for (String parentId : node.dependsOn()) {
      Node p = s.manifest().nodes().get(parentId);
      if (p == null || !seen.add(parentId)) {
        continue;
      }
      if ("ephemeral".equals(p.materialized())) {
        collect(
            s, p, exists, ctes, renames, seen,
            compiler); // compiled into the query: its parents count
        continue;
      }
      if (p.relation() == null || p.relation().identifier() == null) {
        continue;
      }
      String rendered = Relations.rendered(s, p);
      if (exists.test(plain(rendered))) {
        continue;
      }
      String cte = PREFIX + p.name();
      Node seed =
          p.type() == ResourceType.SEED
              ? p
              : p.type() == ResourceType.SOURCE ? seedLoading(s, p) : null;
      if (seed != null && "duckdb".equals(s.inputs().target().type()) && seed.file() != null) {
        ctes.put(
            cte,
            "select * from read_csv_auto('"
                + seed.file().absolutePath().toString().replace("'", "''")
                + "')");
        renames.put(rendered, cte);
      } else if (p.type() == ResourceType.MODEL || p.type() == ResourceType.SNAPSHOT) {
        collect(s, p, exists, ctes, renames, seen, compiler);
        CompiledNode c = compiler.compile(p);
        if (c.failed()) {
          continue; // the database will say the relation is missing
        }
        ctes.put(cte, c.sql().strip());
        renames.put(rendered, cte);
      }
    }
  }

  /**
   * A seed of the root project named like a source table: the common way sample projects load their
   * raw data ({@code dbt seed} into the source's schema).
   */
  private static Node seedLoading(ProjectSnapshot s, Node source) {
    String table = source.relation().identifier();
    return s.manifest().refableByName().getOrDefault(table, List.of()).stream()
        .filter(
            n -> n.type() == ResourceType.SEED && n.packageName().equals(s.inputs().root().name()))
        .findFirst()
        .orElse(null);
  }

  /**
   * The parents' CTEs in front of the query. A query with its own {@code with} gets them at the
   * head of that list (MariaDB and MySQL do not see an outer CTE from inside a nested {@code
   * with}); any other query is wrapped: {@code with ... select * from (query)}.
   */
  static String prepend(String parents, String sql) {
    int rest = SqlTokens.afterLeadingWith(sql);
    if (rest >= 0) {
      return sql.substring(0, rest) + "\n" + parents + ",\n" + sql.substring(rest).stripLeading();
    }
    return "with " + parents + "\nselect * from (\n" + sql + "\n) as " + PREFIX + "query";
  }

  /** {@code "db"."main"."orders"} → {@code db.main.orders}, lower-cased. */
  static String plain(String rendered) {
    return rendered.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
  }

  private static String replace(String sql, Map<String, String> renames) {
    String out = sql;
    for (Map.Entry<String, String> e : renames.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }
}
