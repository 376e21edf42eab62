package dev.dbtls.index;

/** A {@code source('source_name', 'table_name')} as written, and where. */
public record SourceCall(String sourceName, String tableName, int start, int end) {}
