package dev.dbtls.index;

import dev.dbtls.project.Shared;

/** Where a node lives in the warehouse: database, schema and alias (identifier). */
public record RelationName(String database, String schema, String identifier) {
  public RelationName {
    database = Shared.name(database); // one database and a few schemas for every node
    schema = Shared.name(schema);
  }
}
