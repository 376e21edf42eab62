package dev.dbtls.warehouse;

import java.util.List;
import java.util.Map;

/**
 * One step of a query plan, normalized across warehouses. Every field but {@code operator}, {@code
 * children}, {@code id} and {@code properties} may be null when the warehouse does not say; the
 * actual figures are there only for an analyzed plan.
 *
 * <ul>
 *   <li>{@code detail}: the warehouse's own one-line description, when it gives one (SQLite).
 *   <li>{@code estimatedRows}, {@code actualRows}: rows the step puts out, per loop (PostgreSQL
 *       counts per loop; {@code loops} says how many). {@code actualTimeMs} is the warehouse's own
 *       figure (PostgreSQL: per loop and including the children; DuckDB: the operator alone).
 *   <li>{@code id}: the node's path from the root, "0", "0.1", "0.1.0", stable for one plan, so a
 *       client can point at a node.
 *   <li>{@code schema}: the relation's schema, from the plan or looked up with the table sizes;
 *       {@code alias}: the name the query gives the relation; {@code cte}: the CTE the step reads.
 *   <li>{@code filter}: the condition rows are filtered by while read (PostgreSQL "Filter", DuckDB
 *       "Filters", MariaDB "attached_condition"), where {@code condition} is the step's main one
 *       (join or index condition first).
 *   <li>{@code joinType}: Inner, Left, Semi... when the step is a join and the plan says.
 *   <li>{@code selfTimeMs}: time in this step alone, all loops; {@code timeShare}: its share (0..1)
 *       of the whole plan's time. Only for analyzed plans.
 *   <li>{@code properties}: the rest of what the warehouse says of the step, as text (PostgreSQL
 *       "Rows Removed by Filter", "Sort Space Type", "Hash Batches", "Shared Read Blocks"...).
 * </ul>
 */
public record PlanNode(
    String operator,
    String relation,
    String index,
    String condition,
    Double estimatedRows,
    Double estimatedCost,
    Double actualRows,
    Double actualTimeMs,
    Long loops,
    String detail,
    List<PlanNode> children,
    String id,
    String schema,
    String alias,
    String cte,
    String filter,
    String joinType,
    Double selfTimeMs,
    Double timeShare,
    Map<String, String> properties) {
  public PlanNode {
    children = children == null ? List.of() : List.copyOf(children);
    id = id == null ? "0" : id;
    properties =
        properties == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }

  /** A property the warehouse gave, or null. */
  public String property(String name) {
    return properties.get(name);
  }

  /** {@code schema.relation}, or the relation alone when the schema is not known. */
  public String qualifiedRelation() {
    return relation == null ? null : schema == null ? relation : schema + "." + relation;
  }
}
