package dev.dbtls.protocol;

import java.util.List;

/**
 * Result of {@code dbt/columnLineage}: the root column ({@code nodeId}, {@code column}; null with a
 * {@code message} saying why there is none), the columns upstream and downstream of it, the
 * labelled edges between them, notes on what is not known, and whether {@code maxColumns} cut it.
 */
public record ColumnLineageResult(
    String nodeId,
    String column,
    String message,
    List<ColumnLineageColumn> columns,
    List<ColumnLineageEdge> edges,
    List<String> notes,
    boolean truncated) {}
