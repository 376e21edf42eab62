package dev.dbtls.protocol;

import java.util.List;

/**
 * A relation of the warehouse, with the project node that builds it (or the source that reads it):
 * {@code nodeId} null when no node of the project knows it.
 */
public record CatalogRelation(
    String database,
    String schema,
    String name,
    String kind,
    List<CatalogColumn> columns,
    String nodeId,
    String resourceType,
    String uri,
    Range range) {}
