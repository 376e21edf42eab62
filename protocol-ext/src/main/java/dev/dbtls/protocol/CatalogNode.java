package dev.dbtls.protocol;

/** A project node whose relation the warehouse does not have (not built yet, or another target). */
public record CatalogNode(
    String nodeId,
    String resourceType,
    String name,
    String database,
    String schema,
    String identifier,
    String uri,
    Range range) {}
