package dev.dbtls.protocol;

/**
 * What {@code dbt/applyRecommendation} did: the SQL it ran, the audit row, the recommendation as it
 * is now; or why not.
 */
public record ApplyRecommendationResult(
    String sql, Long auditId, Recommendation recommendation, PreviewError error) {}
