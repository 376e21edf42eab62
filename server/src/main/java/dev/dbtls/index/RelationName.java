package dev.dbtls.index;

/** Where a node lives in the warehouse: database, schema and alias (identifier). */
public record RelationName(String database, String schema, String identifier) {}
