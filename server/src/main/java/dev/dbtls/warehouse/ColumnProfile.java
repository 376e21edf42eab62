package dev.dbtls.warehouse;

import java.util.List;

/**
 * One column of a result, summarized by the warehouse over every row of the query.
 *
 * @param distinct distinct non-null values; -1 when the database cannot count them for the type
 * @param min null when the type has no order (or every value is null)
 * @param top the most frequent values (null included), most frequent first
 */
public record ColumnProfile(
    String name,
    String type,
    long nulls,
    long distinct,
    Object min,
    Object max,
    List<TopValue> top) {

  public record TopValue(Object value, long count) {}
}
