package dev.dbtls.protocol;

/**
 * One column of a column lineage answer: the node ({@code nodeId}, its {@code resourceType} and
 * {@code nodeName}) and the column's name (null: the node reads the column only to filter or join),
 * its type and where the type came from, its description, where the node produces it ({@code uri},
 * {@code range}), its depth, and whether all of the node's columns are known.
 */
public record ColumnLineageColumn(
    String nodeId,
    String column,
    String resourceType,
    String nodeName,
    String type,
    String typeOrigin,
    String description,
    String uri,
    Range range,
    int depth,
    boolean nodeColumnsComplete) {}
