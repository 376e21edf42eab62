package dev.dbtls.protocol;

import java.util.List;

/**
 * The project's recommendations, newest change first; {@code error} when the store cannot be read
 * or the change was refused.
 */
public record RecommendationsResult(List<Recommendation> recommendations, String error) {}
