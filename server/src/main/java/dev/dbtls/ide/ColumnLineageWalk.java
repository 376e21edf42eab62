package dev.dbtls.ide;

import dev.dbtls.columns.EdgeKind;
import dev.dbtls.columns.InferredColumn;
import dev.dbtls.columns.RelationColumns;
import dev.dbtls.columns.Upstream;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the inferred columns ({@link ColumnsTable}) from one column of a node: upstream through
 * each column's edges to its parents' columns (down to sources, seeds and relations that are no
 * node), downstream through the children whose columns have an edge from it. Filter/join edges of a
 * visited node are shown but not followed further (every column of a model depends on its join
 * keys; following them would pull in the whole project). Upstream, such an edge ends at the column
 * being followed (the filter decides which of its values there are); downstream it ends at the
 * child's rows (a null column), as no one column of the child is the one affected.
 */
final class ColumnLineageWalk {
  private ColumnLineageWalk() {}

  static String key(String node, String column) {
    return node + "\u0000" + (column == null ? "" : column.toLowerCase(Locale.ROOT));
  }

  private record Step(String node, String column, int depth) {}

  static ColumnLineage find(
      ColumnsTable table,
      Catalog catalog,
      Manifest m,
      String displayPath,
      String nodeId,
      String column,
      ColumnLineage.Options options) {
    if (table == null) {
      return ColumnLineage.empty("the columns of the project are still being inferred");
    }
    Node root = nodeId != null ? m.nodes().get(nodeId) : null;
    if (root == null && displayPath != null) {
      root =
          m.nodesInFile(displayPath).stream()
              .filter(n -> n.type() == ResourceType.MODEL)
              .findFirst()
              .orElse(m.nodesInFile(displayPath).stream().findFirst().orElse(null));
    }
    if (root == null) {
      return ColumnLineage.empty("no node " + (nodeId != null ? nodeId : "in " + displayPath));
    }
    if (column == null || column.isBlank()) {
      return ColumnLineage.empty("which column of " + root.name() + "?");
    }
    Optional<ColumnsTable.Entry> rootEntry = table.entry(root.uniqueId());
    Optional<InferredColumn> rootColumn = rootEntry.flatMap(e -> e.known().column(column));
    List<String> notes = new ArrayList<>();
    if (rootColumn.isEmpty()) {
      if (rootEntry.isEmpty() || rootEntry.get().known().complete()) {
        return ColumnLineage.empty(root.name() + " has no column " + column);
      }
      notes.add(
          root.name() + "'s columns are not all known: " + column + " is taken to be one of them");
    }
    Map<String, ColumnLineage.Column> columns = new LinkedHashMap<>();
    Set<ColumnLineage.Edge> edges = new LinkedHashSet<>();
    boolean[] truncated = {false};
    String rootName = rootColumn.map(InferredColumn::name).orElse(column);
    add(columns, table, catalog, m, root.uniqueId(), rootName, 0, options, truncated);
    // upstream
    Deque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(root.uniqueId(), rootName, 0));
    Set<String> seen = new LinkedHashSet<>();
    seen.add(key(root.uniqueId(), rootName));
    while (!queue.isEmpty() && !truncated[0]) {
      Step s = queue.poll();
      if (-s.depth() >= options.upstreamDepth()) {
        continue;
      }
      Optional<ColumnsTable.Entry> e = table.entry(s.node());
      if (e.isEmpty()) {
        continue;
      }
      Optional<InferredColumn> c = column(e.get(), s.column());
      if (c.isEmpty() && !e.get().known().complete()) {
        gap(notes, m, s.node(), e.get().known());
      }
      for (Upstream u : c.map(InferredColumn::upstream).orElse(List.of())) {
        if (u.relation() == null) {
          continue;
        }
        edges.add(new ColumnLineage.Edge(u.relation(), u.column(), s.node(), s.column(), u.kind()));
        if (add(
                columns,
                table,
                catalog,
                m,
                u.relation(),
                u.column(),
                s.depth() - 1,
                options,
                truncated)
            && seen.add(key(u.relation(), u.column()))) {
          queue.add(new Step(u.relation(), u.column(), s.depth() - 1));
        }
      }
      if (options.includeFilters() && e.get().inferred() != null) {
        for (Upstream f : e.get().inferred().filters()) {
          if (f.relation() != null) {
            edges.add(
                new ColumnLineage.Edge(
                    f.relation(), f.column(), s.node(), s.column(), EdgeKind.FILTER_JOIN));
            add(
                columns,
                table,
                catalog,
                m,
                f.relation(),
                f.column(),
                s.depth() - 1,
                options,
                truncated);
          }
        }
      }
    }
    // downstream
    queue.add(new Step(root.uniqueId(), rootName, 0));
    while (!queue.isEmpty() && !truncated[0]) {
      Step s = queue.poll();
      if (s.depth() >= options.downstreamDepth()) {
        continue;
      }
      for (String child : m.dag().childrenOf(s.node())) {
        Optional<ColumnsTable.Entry> e = table.entry(child);
        if (e.isEmpty()) {
          continue;
        }
        for (InferredColumn oc : outputs(e.get())) {
          for (Upstream u : oc.upstream()) {
            if (s.node().equals(u.relation()) && s.column().equalsIgnoreCase(u.column())) {
              edges.add(new ColumnLineage.Edge(s.node(), s.column(), child, oc.name(), u.kind()));
              if (add(
                      columns,
                      table,
                      catalog,
                      m,
                      child,
                      oc.name(),
                      s.depth() + 1,
                      options,
                      truncated)
                  && seen.add(key(child, oc.name()))) {
                queue.add(new Step(child, oc.name(), s.depth() + 1));
              }
            }
          }
        }
        if (options.includeFilters() && e.get().inferred() != null) {
          for (Upstream f : e.get().inferred().filters()) {
            if (s.node().equals(f.relation()) && s.column().equalsIgnoreCase(f.column())) {
              edges.add(
                  new ColumnLineage.Edge(s.node(), s.column(), child, null, EdgeKind.FILTER_JOIN));
              add(columns, table, catalog, m, child, null, s.depth() + 1, options, truncated);
            }
          }
        }
      }
    }
    return new ColumnLineage(
        root.uniqueId(),
        rootName,
        null,
        new ArrayList<>(columns.values()),
        new ArrayList<>(edges),
        notes,
        truncated[0]);
  }

  /** The column of an entry: its known columns, else what its SQL says of it. */
  private static Optional<InferredColumn> column(ColumnsTable.Entry e, String name) {
    Optional<InferredColumn> c = e.known().column(name);
    if (c.isEmpty() && e.inferred() != null) {
      c = e.inferred().output().column(name);
    }
    return c;
  }

  private static List<InferredColumn> outputs(ColumnsTable.Entry e) {
    if (e.inferred() != null && !e.inferred().output().columns().isEmpty()) {
      return e.inferred().output().columns();
    }
    return e.known().columns();
  }

  private static void gap(List<String> notes, Manifest m, String node, RelationColumns known) {
    Node n = m.nodes().get(node);
    String note = (n == null ? node : n.name()) + ": " + String.join("; ", known.gaps());
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  /** Adds a column to the answer; false when the cap is reached. */
  private static boolean add(
      Map<String, ColumnLineage.Column> out,
      ColumnsTable table,
      Catalog catalog,
      Manifest m,
      String node,
      String column,
      int depth,
      ColumnLineage.Options options,
      boolean[] truncated) {
    String k = key(node, column);
    if (out.containsKey(k)) {
      return true;
    }
    if (out.size() >= options.maxColumns()) {
      truncated[0] = true;
      return false;
    }
    Node n = m.nodes().get(node);
    if (n == null) {
      out.put(
          k,
          new ColumnLineage.Column(
              node, column, "relation", node, null, null, null, null, null, depth, false));
      return true;
    }
    Optional<ColumnsTable.Entry> e = table.entry(node);
    InferredColumn c = column == null || e.isEmpty() ? null : column(e.get(), column).orElse(null);
    ColumnSpec spec =
        column == null
            ? null
            : n.columns().stream()
                .filter(s -> NodeColumns.unquoted(s.name()).equalsIgnoreCase(column))
                .findFirst()
                .orElse(null);
    String description =
        spec != null && spec.description() != null && !spec.description().isBlank()
            ? spec.description()
            : column == null || catalog == null
                ? null
                : catalog.column(node, column).map(Catalog.Column::comment).orElse(null);
    Location place = column == null ? null : ColumnPlace.of(n, c, column).orElse(null);
    out.put(
        k,
        new ColumnLineage.Column(
            node,
            column,
            n.type().dbtName(),
            LineageWalk.nodeName(n),
            c == null ? null : c.type(),
            c == null || c.typeOrigin() == null
                ? null
                : c.typeOrigin().kind().name().toLowerCase(Locale.ROOT),
            description,
            place == null ? n.displayPath() : place.displayPath(),
            place == null ? null : place.span(),
            depth,
            e.map(x -> x.known().complete()).orElse(false)));
    return true;
  }
}
