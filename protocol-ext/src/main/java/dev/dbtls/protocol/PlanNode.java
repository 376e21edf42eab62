package dev.dbtls.protocol;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan, the same shape for every warehouse (null fields: the warehouse does not
 * say). {@code id} is the step's path ("0", "0.1"...); {@code source} where the relation or CTE
 * it reads is in the model's source, when dbtls can tell.
 */
public record PlanNode(String id, String operator, String relation, String schema, String alias,
    String cte, String index, String condition, String filter, String joinType,
    Double estimatedRows, Double estimatedCost, Double actualRows, Double actualTimeMs, Long loops,
    Double selfTimeMs, Double timeShare, String detail, Map<String, String> properties,
    PlanLocation source, List<PlanNode> children) {}
