package dev.dbtls.protocol;

import java.util.List;

/** Result of {@code dbt/savedQueries}, {@code dbt/saveQuery} and {@code dbt/deleteQuery}. */
public record SavedQueriesResult(List<SavedQuery> queries, List<String> folders, String error) {}
