package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;

/**
 * Params of {@code dbt/setRecommendationStatus}: which recommendation, and its new status (e.g.
 * dismissed).
 */
public record RecommendationStatusParams(
    String uri, long id, @JsonAdapter(WireEnum.class) RecommendationStatus status) {}
