package dev.dbtls.protocol;

import java.util.List;

/**
 * Result of {@code dbt/compile}: which node was compiled ({@code nodeId} as dbt names it, e.g.
 * {@code model.shop.orders}), its SQL with ephemeral parents injected as CTEs ({@code sql}, empty
 * when {@code failed}), the problems met, and the source map from the SQL back to the file.
 */
public record CompileResult(
    String uri,
    String nodeId,
    String sql,
    boolean failed,
    List<CompileProblem> problems,
    List<SourceMapSegment> sourceMap) {}
