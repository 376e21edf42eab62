package dev.dbtls.jinja;

import java.util.List;
import java.util.Map;

/**
 * What the project itself knows about a relation's columns, for {@code
 * adapter.get_columns_in_relation} without a warehouse: a seed's header, or YAML columns documented
 * with their types (docs/ARCHITECTURE.md, "No warehouse"). Pure: no IO to a warehouse.
 */
@FunctionalInterface
public interface KnownColumns {
  KnownColumns NONE = relation -> null;

  /**
   * The relation's columns as name and data type pairs, in order; null when the project does not
   * know them.
   */
  List<Map.Entry<String, String>> of(Relation relation);
}
