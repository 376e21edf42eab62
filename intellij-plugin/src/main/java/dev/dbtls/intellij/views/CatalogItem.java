package dev.dbtls.intellij.views;

import dev.dbtls.protocol.CatalogNode;
import dev.dbtls.protocol.CatalogRelation;

/**
 * A row of the Database explorer: a database, schema, relation, column, or a project node not
 * built; {@code detail} the muted text after the name (kind and node, a column's type).
 */
public record CatalogItem(
    Kind kind, String name, String detail, CatalogRelation relation, CatalogNode node) {
  /** What a row is. */
  public enum Kind {
    TARGET,
    DATABASE,
    SCHEMA,
    RELATION,
    COLUMN,
    NOT_BUILT_GROUP,
    NOT_BUILT
  }

  /** The file to open on double-click: the node that builds the relation, or the unbuilt node. */
  public String uri() {
    return relation != null ? relation.uri() : node != null ? node.uri() : null;
  }

  @Override
  public String toString() {
    return detail == null || detail.isEmpty() ? name : name + "  " + detail;
  }
}
