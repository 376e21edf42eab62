package dev.dbtls.lsp;

import dev.dbtls.ide.ColumnLineage;
import dev.dbtls.protocol.ColumnEdgeKind;
import dev.dbtls.protocol.ColumnLineageColumn;
import dev.dbtls.protocol.ColumnLineageEdge;
import dev.dbtls.protocol.ColumnLineageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code dbt/columnLineage} (docs/protocol.md): the {@code ide} answer in the protocol's records.
 * Public for {@code dbtls lineage --column --format json}, which prints the same result.
 */
public final class ColumnLineageAnswer {
  private ColumnLineageAnswer() {}

  public static ColumnLineageResult of(ColumnLineage l, Path root, Function<Path, String> uri) {
    List<ColumnLineageColumn> columns =
        l.columns().stream()
            .map(
                c ->
                    new ColumnLineageColumn(
                        c.nodeId(),
                        c.column(),
                        c.resourceType(),
                        c.nodeName(),
                        c.type(),
                        c.typeOrigin(),
                        c.description(),
                        c.displayPath() == null
                            ? null
                            : uri.apply(root.resolve(c.displayPath()).normalize()),
                        Ranges.of(c.span()),
                        c.depth(),
                        c.nodeColumnsComplete()))
            .toList();
    List<ColumnLineageEdge> edges =
        l.edges().stream()
            .map(
                e ->
                    new ColumnLineageEdge(
                        e.fromNode(),
                        e.fromColumn(),
                        e.toNode(),
                        e.toColumn(),
                        ColumnEdgeKind.valueOf(e.kind().name())))
            .toList();
    return new ColumnLineageResult(
        l.rootNode(), l.rootColumn(), l.message(), columns, edges, l.notes(), l.truncated());
  }

  public static ColumnLineageResult empty(String message) {
    return new ColumnLineageResult(null, null, message, List.of(), List.of(), List.of(), false);
  }
}
