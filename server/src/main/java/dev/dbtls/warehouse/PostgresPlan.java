package dev.dbtls.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Reads PostgreSQL's {@code explain (format json)} plan: {"Node Type", "Relation Name", "Alias",
 * "Plan Rows", "Total Cost", "Actual Total Time", "Actual Loops", "Plans": [...]}. Actual times are
 * per loop and include the children; under a Gather the loops are the worker processes, which run
 * side by side, so their time counts once.
 */
final class PostgresPlan {
  private static final Set<String> READ =
      Set.of(
          "Node Type",
          "Relation Name",
          "Schema",
          "Alias",
          "CTE Name",
          "Index Name",
          "Plan Rows",
          "Total Cost",
          "Actual Rows",
          "Actual Total Time",
          "Actual Loops",
          "Filter",
          "Join Type",
          "Plans");

  private PostgresPlan() {}

  static PlanDraft read(JsonNode p) {
    return node(p, 1);
  }

  private static PlanDraft node(JsonNode p, int processes) {
    PlanDraft d = new PlanDraft(p.path("Node Type").asText());
    String type = d.operator;
    int inner = processes;
    if ((type.equals("Gather") || type.equals("Gather Merge")) && p.has("Workers Launched")) {
      inner = p.get("Workers Launched").asInt() + 1;
    }
    for (JsonNode child : p.path("Plans")) {
      d.children.add(node(child, inner));
    }
    d.relation = PlanDraft.text(p, "Relation Name");
    d.schema = PlanDraft.text(p, "Schema");
    d.alias = PlanDraft.text(p, "Alias");
    d.cte = PlanDraft.text(p, "CTE Name");
    d.index = PlanDraft.text(p, "Index Name");
    d.condition =
        PlanDraft.firstText(
            p, "Hash Cond", "Merge Cond", "Join Filter", "Index Cond", "Recheck Cond", "Filter");
    d.filter = PlanDraft.text(p, "Filter");
    d.joinType = PlanDraft.text(p, "Join Type");
    d.estimatedRows = PlanDraft.number(p, "Plan Rows");
    d.estimatedCost = PlanDraft.number(p, "Total Cost");
    d.actualRows = PlanDraft.number(p, "Actual Rows");
    d.actualTimeMs = PlanDraft.number(p, "Actual Total Time");
    d.loops = p.has("Actual Loops") ? p.get("Actual Loops").asLong() : null;
    if (d.actualTimeMs != null) {
      long loops = d.loops == null ? 1 : Math.max(1, d.loops);
      d.inclusiveMs = d.actualTimeMs * loops / Math.min(loops, Math.max(1, processes));
    }
    d.scalars(p, READ);
    return d;
  }
}
