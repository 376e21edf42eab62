package dev.dbtls.warehouse;

import java.util.List;

/**
 * An index that would serve a filter: on {@code table} ({@code schema.table} when known), its
 * {@code columns} in order (equality columns first, then one range column), a deterministic {@code
 * name}, the SQL that creates it and the SQL that takes it away again.
 */
public record IndexSuggestion(
    String table, List<String> columns, String name, String createSql, String rollbackSql) {
  public IndexSuggestion {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }
}
