package dev.dbtls.lsp;

import dev.dbtls.ide.Lineage;
import dev.dbtls.protocol.LineageEdge;
import dev.dbtls.protocol.LineageNode;
import dev.dbtls.protocol.LineageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code dbt/lineage} (docs/protocol.md): the {@code ide} answer in the protocol's records, each
 * node's file as a URI. Public for the command line's {@code lineage --json}, which prints the same
 * result.
 */
public final class LineageAnswer {
  private LineageAnswer() {}

  /** {@code lineage} of the project in {@code root}, files spelled by {@code uri}. */
  public static LineageResult of(Lineage lineage, Path root, Function<Path, String> uri) {
    List<LineageNode> nodes =
        lineage.nodes().stream()
            .map(
                n ->
                    new LineageNode(
                        n.id(),
                        n.resourceType(),
                        n.name(),
                        n.packageName(),
                        n.materialization(),
                        n.displayPath() == null
                            ? null
                            : uri.apply(root.resolve(n.displayPath()).normalize()),
                        Ranges.of(n.span()),
                        n.description(),
                        n.depth(),
                        n.hiddenUpstream(),
                        n.hiddenDownstream(),
                        null))
            .toList();
    List<LineageEdge> edges =
        lineage.edges().stream().map(e -> new LineageEdge(e.from(), e.to())).toList();
    return new LineageResult(lineage.root(), lineage.message(), nodes, edges, lineage.truncated());
  }

  /** No lineage, and why. */
  public static LineageResult empty(String message) {
    return new LineageResult(null, message, List.of(), List.of(), false);
  }
}
