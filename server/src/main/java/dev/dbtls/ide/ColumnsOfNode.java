package dev.dbtls.ide;

import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.Origin;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import java.util.List;
import java.util.Locale;

/**
 * The columns of one node ({@code dbt/columns}): {@link NodeColumns}' list, the one completion and
 * hover use, with where each name and type came from, and whether the list is complete (the newest
 * table of inferred columns, {@link ColumnsTable}, says why not).
 */
public final class ColumnsOfNode {
  private ColumnsOfNode() {}

  /** A column; {@code origin}/{@code typeOrigin} as {@link Origin.Kind}, lower case. */
  public record Column(
      String name, String type, String origin, String typeOrigin, String description) {}

  /** {@code message} says why there is no node; {@code gaps} why the columns may be incomplete. */
  public record Answer(
      String nodeId,
      String nodeName,
      String message,
      List<Column> columns,
      boolean complete,
      List<String> gaps) {
    static Answer empty(String message) {
      return new Answer(null, null, message, List.of(), false, List.of());
    }
  }

  static Answer find(
      ColumnsTable table, Catalog catalog, Manifest m, String displayPath, String nodeId) {
    Node n = nodeId != null ? m.nodes().get(nodeId) : null;
    if (n == null && displayPath != null) {
      n =
          m.nodesInFile(displayPath).stream()
              .filter(x -> x.type() == ResourceType.MODEL)
              .findFirst()
              .orElse(m.nodesInFile(displayPath).stream().findFirst().orElse(null));
    }
    if (n == null) {
      return Answer.empty("no node " + (nodeId != null ? nodeId : "in " + displayPath));
    }
    if (!List.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT, ResourceType.SOURCE)
        .contains(n.type())) {
      return Answer.empty("a " + n.type().dbtName() + " has no columns");
    }
    ColumnsTable.Entry entry = table == null ? null : table.entry(n.uniqueId()).orElse(null);
    List<Column> columns =
        NodeColumns.of(catalog, entry, n).stream().map(ColumnsOfNode::column).toList();
    boolean complete = entry != null && entry.known().complete();
    List<String> gaps =
        entry != null
            ? entry.known().gaps()
            : List.of("the columns of the project are still being inferred");
    return new Answer(n.uniqueId(), LineageWalk.nodeName(n), null, columns, complete, gaps);
  }

  private static Column column(NodeColumns.Column c) {
    InferredColumn inferred = c.inferred();
    String origin =
        inferred != null && inferred.nameOrigin() != null
            ? kind(inferred.nameOrigin())
            : c.warehouse() != null ? "catalog" : "yaml";
    String typeOrigin =
        c.type() == null
            ? null
            : c.warehouse() != null && c.warehouse().type() != null
                ? "catalog"
                : inferred != null && inferred.typeOrigin() != null
                    ? kind(inferred.typeOrigin())
                    : "yaml";
    return new Column(
        NodeColumns.unquoted(c.name()), c.type(), origin, typeOrigin, c.description());
  }

  private static String kind(Origin o) {
    return o.kind().name().toLowerCase(Locale.ROOT);
  }
}
