package dev.dbtls.warehouse;

import java.util.List;

/**
 * One step of a query plan, normalized across warehouses. Every field but {@code operator} and
 * {@code children} may be null when the warehouse does not say; the actual figures are there only
 * for an analyzed plan. {@code detail} is the warehouse's own one-line description, when it gives
 * one (SQLite), else null.
 */
public record PlanNode(String operator, String relation, String index, String condition,
    Double estimatedRows, Double estimatedCost, Double actualRows, Double actualTimeMs,
    Long loops, String detail, List<PlanNode> children) {
  public PlanNode {
    children = children == null ? List.of() : List.copyOf(children);
  }
}
