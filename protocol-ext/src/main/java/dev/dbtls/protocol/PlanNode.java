package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * One step of a plan, the same shape for every warehouse (null fields: the warehouse does not say).
 * {@code id} is the step's path ("0", "0.1"...); {@code source} where the relation or CTE it reads
 * is in the model's source, when dbtls can tell. The server decides what a client marks: {@code
 * share} (0..1 of the plan's time or cost, null when unknown), {@code heat}, and {@code
 * misestimate} (how many times the actual rows are off the estimate, only when that is at least 10
 * times on at least 100 rows; null otherwise).
 */
public record PlanNode(
    String id,
    String operator,
    String relation,
    String schema,
    String alias,
    String cte,
    String index,
    String condition,
    String filter,
    String joinType,
    Double estimatedRows,
    Double estimatedCost,
    Double actualRows,
    Double actualTimeMs,
    Long loops,
    Double selfTimeMs,
    Double timeShare,
    String detail,
    Map<String, String> properties,
    PlanLocation source,
    List<PlanNode> children,
    Double share,
    @NonNull @JsonAdapter(WireEnum.class) StepHeat heat,
    Double misestimate) {}
