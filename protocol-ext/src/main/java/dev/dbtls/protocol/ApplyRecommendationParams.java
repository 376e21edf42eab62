package dev.dbtls.protocol;

/**
 * Params of {@code dbt/applyRecommendation}: run a recommendation's SQL on the warehouse for real
 * ({@code action} apply) or its rollback SQL ({@code action} rollback). Refused unless the setting
 * {@code dbtls.recommendations.allowApply} is true and {@code confirm} is true (the client asked
 * the user, showing the exact SQL).
 */
public record ApplyRecommendationParams(String uri, long id, String action, Boolean confirm) {}
