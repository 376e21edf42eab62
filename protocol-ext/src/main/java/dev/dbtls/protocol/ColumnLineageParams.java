package dev.dbtls.protocol;

/**
 * Params of {@code dbt/columnLineage}: column {@code column} of the node given by {@code nodeId} or
 * by the document that defines it ({@code uri}); depths count generations (null: 100; 0: none on
 * that side); {@code includeFilters} (null: true) adds the columns that only filter or join rows;
 * {@code maxColumns} (null: 500) caps the answer.
 */
public record ColumnLineageParams(
    String uri,
    String nodeId,
    String column,
    Integer upstreamDepth,
    Integer downstreamDepth,
    Boolean includeFilters,
    Integer maxColumns) {}
