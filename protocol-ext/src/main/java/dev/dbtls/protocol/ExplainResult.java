package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * Result of {@code dbt/explain}: the plan as one tree ({@code plan}; null where dbtls does not read
 * the warehouse's plan, then {@code raw} has it as it came), the findings, the row counts of the
 * tables read ({@code tableRows}, by {@code schema.table}), what ran, or an error; {@code
 * shareBasis} what the steps' shares are of.
 */
public record ExplainResult(
    String uri,
    String nodeId,
    String compiledSql,
    String sql,
    String target,
    PlanNode plan,
    String raw,
    boolean analyzed,
    long millis,
    List<String> inlined,
    Map<String, Double> tableRows,
    List<PlanFinding> findings,
    List<CompileProblem> problems,
    PreviewError error,
    @NonNull @JsonAdapter(WireEnum.class) ShareBasis shareBasis) {}
