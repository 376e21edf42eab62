package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * An edge of a column lineage answer: column {@code toColumn} of {@code toNode} derives from {@code
 * fromColumn} of {@code fromNode}; {@code kind} is {@code passed_through}, {@code renamed}, {@code
 * computed}, {@code aggregated} or {@code filter_join}. A {@code filter_join} edge upstream of the
 * root ends at the column followed; downstream its {@code toColumn} is null (the child's rows).
 */
public record ColumnLineageEdge(
    String fromNode,
    String fromColumn,
    String toNode,
    String toColumn,
    @NonNull @JsonAdapter(WireEnum.class) ColumnEdgeKind kind) {}
