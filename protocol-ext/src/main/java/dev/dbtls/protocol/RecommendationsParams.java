package dev.dbtls.protocol;

/** Params of {@code dbt/recommendations}: any document of the project. */
public record RecommendationsParams(String uri) {}
