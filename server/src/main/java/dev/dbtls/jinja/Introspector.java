package dev.dbtls.jinja;

import java.util.List;
import java.util.Map;

/**
 * What the later warehouse layer answers for introspective macros. Without one, the engine skips
 * those queries and says so (never invents data).
 */
public interface Introspector {
  /** Rows of a query, each a column-name to value map. */
  List<Map<String, Object>> runQuery(String sql);

  /** Columns of a relation as name and data type pairs, in order. */
  List<Map.Entry<String, String>> getColumns(Relation relation);

  /** The relation if it exists in the warehouse, else null. */
  Relation getRelation(String database, String schema, String identifier);
}
