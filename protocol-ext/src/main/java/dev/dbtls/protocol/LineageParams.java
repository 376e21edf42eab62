package dev.dbtls.protocol;

/**
 * Params of {@code dbt/lineage}: the node whose lineage is wanted, by {@code nodeId} (dbt's unique
 * id) or by the document that defines it ({@code uri}; with both, {@code uri} says which project to
 * look in). Depths count generations (null: 2; 0: none on that side); {@code includeTests} (null:
 * false) adds data tests; {@code maxNodes} (null: 200) caps the answer.
 */
public record LineageParams(
    String uri,
    String nodeId,
    Integer upstreamDepth,
    Integer downstreamDepth,
    Boolean includeTests,
    Integer maxNodes) {}
