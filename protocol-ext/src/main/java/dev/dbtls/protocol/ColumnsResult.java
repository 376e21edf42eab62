package dev.dbtls.protocol;

import java.util.List;

/**
 * Answer of {@code dbt/columns}: the node ({@code nodeId}, {@code nodeName} as {@code dbt/lineage}
 * names it), why there is no answer ({@code message}), its columns in order, whether they are all
 * known ({@code complete}) and why not ({@code gaps}).
 */
public record ColumnsResult(
    String nodeId,
    String nodeName,
    String message,
    List<NodeColumn> columns,
    boolean complete,
    List<String> gaps) {}
