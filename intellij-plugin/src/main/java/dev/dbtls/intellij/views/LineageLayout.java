package dev.dbtls.intellij.views;

import dev.dbtls.protocol.LineageEdge;
import dev.dbtls.protocol.LineageNode;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered left-to-right layout of a lineage answer: every node one column right of its
 * furthest parent (so parents are always left of their children), then the nodes of each column
 * ordered by the mean row of their neighbours (a few sweeps each way) to uncross edges, and each
 * column centred on the tallest.
 */
public final class LineageLayout {
  /** A node and where it is drawn. */
  public record Box(LineageNode node, int layer, Rectangle bounds) {}

  private static final int SWEEPS = 4;

  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final List<LineageEdge> edges;
  private final Dimension size;

  /** {@code nodeWidth} × {@code nodeHeight} boxes, {@code gapX} between columns, {@code gapY} between rows. */
  public LineageLayout(List<LineageNode> nodes, List<LineageEdge> allEdges, int nodeWidth, int nodeHeight,
      int gapX, int gapY, int pad) {
    Map<String, LineageNode> byId = new LinkedHashMap<>();
    nodes.forEach(n -> byId.put(n.id(), n));
    this.edges = allEdges.stream().filter(e -> byId.containsKey(e.from()) && byId.containsKey(e.to())
        && !e.from().equals(e.to())).toList();
    Map<String, List<String>> parents = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (LineageEdge e : edges) {
      parents.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
      children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    Map<String, Integer> layer = new HashMap<>();
    byId.keySet().forEach(id -> layer(id, parents, layer, 0, byId.size()));
    int layers = layer.values().stream().mapToInt(i -> i).max().orElse(0) + 1;
    List<List<String>> columns = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      columns.add(new ArrayList<>());
    }
    byId.keySet().forEach(id -> columns.get(layer.get(id)).add(id));
    Map<String, Double> row = new HashMap<>();
    renumber(columns, row);
    for (int s = 0; s < SWEEPS; s++) {
      for (int i = 1; i < layers; i++) {
        order(columns.get(i), parents, row);
        renumber(columns, row);
      }
      for (int i = layers - 2; i >= 0; i--) {
        order(columns.get(i), children, row);
        renumber(columns, row);
      }
    }
    int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < layers; i++) {
      List<String> column = columns.get(i);
      int offset = (tallest - column.size()) * (nodeHeight + gapY) / 2;
      for (int r = 0; r < column.size(); r++) {
        Rectangle b = new Rectangle(pad + i * (nodeWidth + gapX), pad + offset + r * (nodeHeight + gapY),
            nodeWidth, nodeHeight);
        boxes.put(column.get(r), new Box(byId.get(column.get(r)), i, b));
      }
    }
    size = new Dimension(pad * 2 + layers * nodeWidth + Math.max(0, layers - 1) * gapX,
        pad * 2 + tallest * nodeHeight + Math.max(0, tallest - 1) * gapY);
  }

  public Map<String, Box> boxes() {
    return boxes;
  }

  public Box box(String id) {
    return boxes.get(id);
  }

  public List<LineageEdge> edges() {
    return edges;
  }

  public Dimension size() {
    return size;
  }

  /** One more than the furthest parent's layer; 0 without parents (a cycle, which dbt forbids, is cut). */
  private static int layer(String id, Map<String, List<String>> parents, Map<String, Integer> layer, int depth, int max) {
    Integer known = layer.get(id);
    if (known != null) {
      return known;
    }
    int l = 0;
    if (depth < max) {
      for (String p : parents.getOrDefault(id, List.of())) {
        l = Math.max(l, layer(p, parents, layer, depth + 1, max) + 1);
      }
    }
    layer.put(id, l);
    return l;
  }

  private static void order(List<String> column, Map<String, List<String>> neighbours, Map<String, Double> row) {
    Map<String, Double> key = new HashMap<>();
    for (String id : column) {
      List<String> ns = neighbours.getOrDefault(id, List.of());
      key.put(id, ns.isEmpty() ? row.get(id) : ns.stream().mapToDouble(row::get).average().orElse(0));
    }
    column.sort(Comparator.comparingDouble(key::get));
  }

  private static void renumber(List<List<String>> columns, Map<String, Double> row) {
    int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
    for (List<String> column : columns) {
      double offset = (tallest - column.size()) / 2.0;
      for (int r = 0; r < column.size(); r++) {
        row.put(column.get(r), offset + r);
      }
    }
  }
}
