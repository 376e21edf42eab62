package dev.dbtls.protocol;

import java.util.List;

/**
 * One column summarized over the whole result: nulls, distinct non-null values (-1 when the
 * database cannot count them for the type), min and max (absent for types without order), and the
 * most frequent values.
 */
public record ColumnProfile(
    String name,
    String type,
    long nulls,
    long distinct,
    Object min,
    Object max,
    List<TopValue> top) {}
