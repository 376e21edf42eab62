package dev.dbtls.protocol;

/** Params of {@code dbt/savedQueries}: words to search (null: all), or one folder or tag. */
public record SavedQueriesParams(String query, String folder, String tag) {}
