package dev.dbtls.columns;

import java.util.List;

/**
 * What a query gives: its output columns, and the parent columns read only to filter, join, group
 * or order rows ({@link EdgeKind#FILTER_JOIN}), which every output column depends on. {@code
 * parsed} is false when the SQL could not be read (then nothing is known).
 */
public record QueryColumns(
    RelationColumns output, List<Upstream> filters, boolean parsed, List<MissingColumn> missing) {
  public QueryColumns {
    filters = List.copyOf(filters);
    missing = List.copyOf(missing);
  }

  public QueryColumns(RelationColumns output, List<Upstream> filters, boolean parsed) {
    this(output, filters, parsed, List.of());
  }

  /**
   * A column the SQL reads from a parent ({@code relation}, its id) whose columns are all known and
   * do not include it: the parent removed or renamed it, or a typo. {@code start}/{@code end} is
   * the reference in the SQL (-1 when unknown).
   */
  public record MissingColumn(String relation, String column, int start, int end) {}

  static QueryColumns unreadable(String why) {
    return new QueryColumns(RelationColumns.partial(List.of(), why), List.of(), false);
  }
}
