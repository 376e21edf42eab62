package dev.dbtls.lsp;

import dev.dbtls.ide.ColumnsOfNode;
import dev.dbtls.protocol.ColumnsResult;
import dev.dbtls.protocol.NodeColumn;
import java.util.List;

/** {@code dbt/columns} (docs/protocol.md): the {@code ide} answer in the protocol's records. */
final class ColumnsAnswer {
  private ColumnsAnswer() {}

  static ColumnsResult of(ColumnsOfNode.Answer a) {
    return new ColumnsResult(
        a.nodeId(),
        a.nodeName(),
        a.message(),
        a.columns().stream()
            .map(
                c ->
                    new NodeColumn(c.name(), c.type(), c.origin(), c.typeOrigin(), c.description()))
            .toList(),
        a.complete(),
        a.gaps());
  }

  static ColumnsResult empty(String message) {
    return new ColumnsResult(null, null, message, List.of(), false, List.of());
  }
}
