package dev.dbtls.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads DuckDB's JSON plan. {@code explain} gives [{"name", "extra_info", "children"}]; {@code
 * explain analyze} gives the profile, whose operators have "operator_name", "operator_cardinality",
 * "operator_rows_scanned" and "operator_timing" (seconds, the operator alone). A CTE_SCAN names its
 * CTE by index ("CTE Index"), the CTE node by name and index.
 */
final class DuckDbPlan {
  private static final Set<String> READ =
      Set.of(
          "name",
          "operator_name",
          "operator_type",
          "operator_timing",
          "operator_cardinality",
          "children",
          "extra_info");
  private static final Set<String> INFO_READ =
      Set.of(
          "Table",
          "Conditions",
          "Filters",
          "Expression",
          "Estimated Cardinality",
          "CTE Name",
          "Join Type");

  private DuckDbPlan() {}

  static PlanDraft read(JsonNode json) {
    JsonNode n = json.isArray() ? json.path(0) : json;
    JsonNode top = n;
    boolean profile = !n.has("name") && !n.has("operator_name");
    while ((profile || "EXPLAIN_ANALYZE".equals(n.path("operator_name").asText()))
        && n.path("children").size() == 1) {
      n = n.path("children").path(0);
      profile = false;
    }
    if (!n.isObject()) {
      return null;
    }
    Map<String, String> ctes = new HashMap<>();
    collectCtes(n, ctes, 0);
    PlanDraft root = node(n, ctes, 0);
    if (top != n) {
      for (String f : new String[] {"system_peak_temp_dir_size", "latency"}) {
        if (top.has(f)) {
          root.properties.put("query_" + f, top.get(f).asText());
        }
      }
    }
    return root;
  }

  private static void collectCtes(JsonNode n, Map<String, String> ctes, int depth) {
    JsonNode info = n.path("extra_info");
    String name = PlanDraft.text(info, "CTE Name");
    String index = PlanDraft.text(info, "Table Index");
    if (name != null && index != null) {
      ctes.put(index, name);
    }
    if (depth < 500) {
      n.path("children").forEach(c -> collectCtes(c, ctes, depth + 1));
    }
  }

  private static PlanDraft node(JsonNode n, Map<String, String> ctes, int depth) {
    String operator =
        n.has("operator_name") ? n.path("operator_name").asText() : n.path("name").asText();
    PlanDraft d = new PlanDraft(operator);
    if (depth < 500) {
      n.path("children").forEach(c -> d.children.add(node(c, ctes, depth + 1)));
    }
    JsonNode info = n.path("extra_info");
    String table = PlanDraft.text(info, "Table");
    if (table != null) {
      String[] parts = table.split("\\.");
      d.relation = parts[parts.length - 1];
      d.schema = parts.length > 1 ? parts[parts.length - 2] : null;
    }
    // a scan's pushed-down filters are "Filters"; a FILTER step's condition is "Expression"
    d.condition = PlanDraft.firstText(info, "Conditions", "Filters", "Expression");
    d.filter = PlanDraft.firstText(info, "Filters", "Expression");
    d.joinType = PlanDraft.text(info, "Join Type");
    d.cte =
        d.operator.equals("CTE_SCAN")
            ? ctes.get(PlanDraft.text(info, "CTE Index"))
            : PlanDraft.text(info, "CTE Name");
    d.estimatedRows = PlanDraft.number(info, "Estimated Cardinality");
    d.actualRows = PlanDraft.number(n, "operator_cardinality");
    Double seconds = PlanDraft.number(n, "operator_timing");
    if (seconds != null) {
      d.actualTimeMs = seconds * 1000;
      d.selfMs = d.actualTimeMs;
    }
    d.scalars(n, READ);
    d.scalars(info, INFO_READ);
    return d;
  }
}
