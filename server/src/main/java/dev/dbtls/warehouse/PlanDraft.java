package dev.dbtls.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan node while a warehouse's plan is read: the readers ({@link PostgresPlan}, {@link
 * DuckDbPlan}, {@link MySqlPlan}, SQLite's in {@link Explain}) fill it, then {@link #finish} gives
 * each node its id, its own time and its share of the whole.
 */
final class PlanDraft {
  String operator = "";
  String relation;
  String schema;
  String alias;
  String cte;
  String index;
  String condition;
  String filter;
  String joinType;
  String detail;
  Double estimatedRows;
  Double estimatedCost;
  Double actualRows;
  Double actualTimeMs;
  Long loops;

  /** Time of this step and its children, all loops, when the warehouse gives it. */
  Double inclusiveMs;

  /** Time of this step alone, all loops, when the warehouse gives it directly. */
  Double selfMs;

  final Map<String, String> properties = new LinkedHashMap<>();
  final List<PlanDraft> children = new ArrayList<>();

  PlanDraft(String operator) {
    this.operator = operator == null ? "" : operator.strip();
  }

  /** The finished tree; times become shares of the sum of every step's own time. */
  PlanNode finish() {
    inclusive();
    double total = selfSum();
    return build("0", total);
  }

  /** Fills selfMs from inclusive times; returns this subtree's time (null when unknown). */
  private Double inclusive() {
    double sum = 0;
    boolean any = false;
    for (PlanDraft c : children) {
      Double t = c.inclusive();
      if (t != null) {
        sum += t;
        any = true;
      }
    }
    if (selfMs == null && inclusiveMs != null) {
      selfMs = Math.max(0, inclusiveMs - sum);
    }
    if (inclusiveMs != null) {
      return inclusiveMs;
    }
    return selfMs == null && !any ? null : (selfMs == null ? 0 : selfMs) + sum;
  }

  private double selfSum() {
    double s = selfMs == null ? 0 : selfMs;
    for (PlanDraft c : children) {
      s += c.selfSum();
    }
    return s;
  }

  private PlanNode build(String id, double total) {
    List<PlanNode> built = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      built.add(children.get(i).build(id + "." + i, total));
    }
    Double share = selfMs == null || total <= 0 ? null : selfMs / total;
    return new PlanNode(
        operator,
        relation,
        index,
        condition,
        estimatedRows,
        estimatedCost,
        actualRows,
        actualTimeMs,
        loops,
        detail,
        built,
        id,
        schema,
        alias,
        cte,
        filter,
        joinType,
        selfMs,
        share,
        properties);
  }

  /** Every scalar field of {@code n} not in {@code skip}, as text, into the properties. */
  void scalars(JsonNode n, java.util.Set<String> skip) {
    n.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (skip.contains(e.getKey())
                  || v.isContainerNode() && !isTextArray(v)
                  || v.isNull()) {
                return;
              }
              if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                properties.put(e.getKey(), String.join(", ", parts));
              } else {
                properties.put(e.getKey(), v.asText());
              }
            });
  }

  private static boolean isTextArray(JsonNode v) {
    if (!v.isArray()) {
      return false;
    }
    for (JsonNode x : v) {
      if (x.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      return parts.isEmpty() ? null : String.join(" AND ", parts);
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  static String firstText(JsonNode n, String... fields) {
    for (String f : fields) {
      String s = text(n, f);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  static Double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.valueOf(v.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
