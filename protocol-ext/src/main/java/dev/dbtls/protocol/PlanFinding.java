package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * Something that looks wrong in a plan: a stable {@code kind}, the {@code planNodeId} it is about,
 * one line for the user, the evidence with its numbers, a confidence (high, medium, low) and why,
 * the index that would help (null when none), and the recommendation it is stored as ({@code
 * recommendationId}, {@code status}; null when the store is not available).
 */
public record PlanFinding(
    @NonNull @JsonAdapter(WireEnum.class) PlanFindingKind kind,
    String planNodeId,
    String title,
    List<String> evidence,
    @NonNull @JsonAdapter(WireEnum.class) Confidence confidence,
    String confidenceReason,
    IndexSuggestion index,
    Long recommendationId,
    @JsonAdapter(WireEnum.class) RecommendationStatus status) {}
