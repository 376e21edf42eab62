package dev.dbtls.protocol;

/**
 * Params of {@code dbt/setRecommendationStatus}: which recommendation, and its new status (e.g.
 * dismissed).
 */
public record RecommendationStatusParams(String uri, long id, String status) {}
