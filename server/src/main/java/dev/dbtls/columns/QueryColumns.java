package dev.dbtls.columns;

import java.util.List;

/**
 * What a query gives: its output columns, and the parent columns read only to filter, join,
 * group or order rows ({@link EdgeKind#FILTER_JOIN}), which every output column depends on.
 * {@code parsed} is false when the SQL could not be read (then nothing is known).
 */
public record QueryColumns(RelationColumns output, List<Upstream> filters, boolean parsed) {
  public QueryColumns {
    filters = List.copyOf(filters);
  }

  static QueryColumns unreadable(String why) {
    return new QueryColumns(RelationColumns.partial(List.of(), why), List.of(), false);
  }
}
