package dev.dbtls.sql;

/**
 * A mistake in SQL text at {@code [start, end)}. {@code certain}: wrong in every SQL dialect
 * whatever the grammar (unbalanced brackets), reported as an error rather than a warning.
 */
public record SqlDefect(int start, int end, String message, boolean certain) {}
