package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * A stored recommendation: what explain found ({@code kind}, {@code title}, {@code evidence},
 * {@code confidence}), the SQL that would apply and undo it (null for advice only), and its {@code
 * status}. {@code kind} and {@code confidence} are null only for a recommendation stored by a
 * version that knew a kind or confidence this one does not.
 */
public record Recommendation(
    long id,
    String nodeId,
    String target,
    @JsonAdapter(WireEnum.class) PlanFindingKind kind,
    String title,
    List<String> evidence,
    @JsonAdapter(WireEnum.class) Confidence confidence,
    String applySql,
    String rollbackSql,
    @NonNull @JsonAdapter(WireEnum.class) RecommendationStatus status,
    long updatedAt) {}
