package dev.dbtls.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Snowflake's {@code explain using json}: {@code GlobalStats} (partitions total and assigned,
 * bytes assigned) and {@code Operations}, lists of steps each with an {@code id}, its {@code
 * operation}, the {@code parentOperators} it feeds, its {@code expressions}, and for a {@code
 * TableScan} the {@code objects} it reads, its {@code alias} and its own partitions and bytes.
 * Steps with no parent are the roots; more than one root (several statements' steps) hang under
 * one. The partitions a scan is assigned against those it has say whether pruning happened.
 */
final class SnowflakePlan {
  private SnowflakePlan() {}

  static PlanDraft read(JsonNode plan) {
    Map<Long, PlanDraft> byId = new LinkedHashMap<>();
    Map<Long, List<Long>> parents = new LinkedHashMap<>();
    for (JsonNode group : plan.path("Operations")) {
      for (JsonNode op : group.isArray() ? group : plan.path("Operations")) {
        long id = op.path("id").asLong();
        byId.put(id, step(op));
        List<Long> ps = new ArrayList<>();
        op.path("parentOperators").forEach(p -> ps.add(p.asLong()));
        parents.put(id, ps);
      }
      if (!group.isArray()) {
        break;
      }
    }
    List<PlanDraft> roots = new ArrayList<>();
    for (Map.Entry<Long, PlanDraft> e : byId.entrySet()) {
      List<Long> ps = parents.get(e.getKey());
      PlanDraft parent = ps.isEmpty() ? null : byId.get(ps.get(0));
      (parent == null ? roots : parent.children).add(e.getValue());
    }
    if (roots.isEmpty()) {
      return null;
    }
    PlanDraft root = roots.size() == 1 ? roots.get(0) : new PlanDraft("Query");
    if (roots.size() > 1) {
      root.children.addAll(roots);
    }
    JsonNode stats = plan.path("GlobalStats");
    for (String k : List.of("partitionsTotal", "partitionsAssigned", "bytesAssigned")) {
      if (stats.has(k)) {
        root.properties.put("Query " + k, stats.get(k).asText());
      }
    }
    return root;
  }

  private static PlanDraft step(JsonNode op) {
    PlanDraft d = new PlanDraft(op.path("operation").asText());
    List<String> expressions = new ArrayList<>();
    op.path("expressions").forEach(x -> expressions.add(x.asText()));
    if (!expressions.isEmpty()) {
      d.properties.put("Expressions", String.join(", ", expressions));
    }
    JsonNode objects = op.path("objects");
    if (objects.isArray() && !objects.isEmpty()) {
      String[] parts = objects.get(0).asText().split("\\.");
      d.relation = parts[parts.length - 1];
      if (parts.length >= 2) {
        d.schema = parts[parts.length - 2];
      }
      if (parts.length >= 3) {
        d.properties.put("Database", parts[parts.length - 3]);
      }
    }
    d.alias = PlanDraft.text(op, "alias");
    for (String k : List.of("partitionsAssigned", "partitionsTotal", "bytesAssigned")) {
      if (op.has(k)) {
        d.properties.put(k, op.get(k).asText());
      }
    }
    String op0 = d.operator;
    if (op0.equals("Filter") && !expressions.isEmpty()) {
      d.filter = String.join(" AND ", expressions);
      d.condition = d.filter;
    } else if (op0.endsWith("Join") && !expressions.isEmpty()) {
      String keys = expressions.get(0).replaceFirst("^joinKey:\\s*", "");
      d.condition = keys;
      d.joinType = op0.equals("CartesianJoin") ? "Cross" : op0.replace("Join", "");
    }
    return d;
  }
}
