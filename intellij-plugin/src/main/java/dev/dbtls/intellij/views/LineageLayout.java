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
 * A layered left-to-right layout of a lineage answer: every node one column right of its furthest
 * parent (so parents are always left of their children); an edge that skips columns passes through
 * a slot of its own in each column between, so it never runs under a node; the slots of each column
 * are ordered by the mean row of their neighbours (a few sweeps each way) to uncross edges, and
 * each column is centred on the tallest.
 */
public final class LineageLayout {
  /** A node and where it is drawn. */
  public record Box(LineageNode node, int layer, Rectangle bounds) {}

  private static final int SWEEPS = 4;

  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final List<LineageEdge> edges;
  private final Map<LineageEdge, List<Rectangle>> routes = new HashMap<>();
  private final Dimension size;

  /**
   * {@code nodeWidth} × {@code nodeHeight} boxes, {@code gapX} between columns, {@code gapY}
   * between slots; an edge's slot in a column it passes is {@code laneHeight} high.
   */
  public LineageLayout(
      List<LineageNode> nodes,
      List<LineageEdge> allEdges,
      int nodeWidth,
      int nodeHeight,
      int gapX,
      int gapY,
      int laneHeight,
      int pad) {
    Map<String, LineageNode> byId = new LinkedHashMap<>();
    nodes.forEach(n -> byId.put(n.id(), n));
    this.edges =
        allEdges.stream()
            .filter(
                e ->
                    byId.containsKey(e.from())
                        && byId.containsKey(e.to())
                        && !e.from().equals(e.to()))
            .distinct()
            .toList();
    Map<String, List<String>> nodeParents = new HashMap<>();
    for (LineageEdge e : edges) {
      nodeParents.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
    }
    Map<String, Integer> layer = new HashMap<>();
    byId.keySet().forEach(id -> layer(id, nodeParents, layer, 0, byId.size()));
    // the graph that is laid out: nodes, plus one lane per column an edge passes
    Map<String, List<String>> parents = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    Map<LineageEdge, List<String>> lanes = new HashMap<>();
    for (int i = 0; i < edges.size(); i++) {
      LineageEdge e = edges.get(i);
      List<String> chain = new ArrayList<>();
      for (int l = layer.get(e.from()) + 1; l < layer.get(e.to()); l++) {
        String lane = "\u0000lane " + i + " " + l;
        layer.put(lane, l);
        chain.add(lane);
      }
      lanes.put(e, chain);
      String prev = e.from();
      List<String> path = new ArrayList<>(chain);
      path.add(e.to());
      for (String next : path) {
        children.computeIfAbsent(prev, k -> new ArrayList<>()).add(next);
        parents.computeIfAbsent(next, k -> new ArrayList<>()).add(prev);
        prev = next;
      }
    }
    int layers = layer.values().stream().mapToInt(i -> i).max().orElse(0) + 1;
    List<List<String>> columns = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      columns.add(new ArrayList<>());
    }
    byId.keySet().forEach(id -> columns.get(layer.get(id)).add(id));
    lanes.values().forEach(chain -> chain.forEach(lane -> columns.get(layer.get(lane)).add(lane)));
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
    int[] heights = new int[layers];
    for (int i = 0; i < layers; i++) {
      for (String id : columns.get(i)) {
        heights[i] += (byId.containsKey(id) ? nodeHeight : laneHeight) + gapY;
      }
      heights[i] = Math.max(0, heights[i] - gapY);
    }
    int tallest = java.util.Arrays.stream(heights).max().orElse(0);
    Map<String, Rectangle> laneSlots = new HashMap<>();
    for (int i = 0; i < layers; i++) {
      int y = pad + (tallest - heights[i]) / 2;
      int x = pad + i * (nodeWidth + gapX);
      for (String id : columns.get(i)) {
        boolean node = byId.containsKey(id);
        Rectangle b = new Rectangle(x, y, nodeWidth, node ? nodeHeight : laneHeight);
        if (node) {
          boxes.put(id, new Box(byId.get(id), i, b));
        } else {
          laneSlots.put(id, b);
        }
        y += b.height + gapY;
      }
    }
    lanes.forEach((e, chain) -> routes.put(e, chain.stream().map(laneSlots::get).toList()));
    size =
        new Dimension(
            pad * 2 + layers * nodeWidth + Math.max(0, layers - 1) * gapX, pad * 2 + tallest);
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

  /** The slots an edge passes through in the columns between its ends (empty for neighbours). */
  public List<Rectangle> route(LineageEdge edge) {
    return routes.getOrDefault(edge, List.of());
  }

  public Dimension size() {
    return size;
  }

  /**
   * One more than the furthest parent's layer; 0 without parents (a cycle, which dbt forbids, is
   * cut).
   */
  private static int layer(
      String id,
      Map<String, List<String>> parents,
      Map<String, Integer> layer,
      int depth,
      int max) {
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

  private static void order(
      List<String> column, Map<String, List<String>> neighbours, Map<String, Double> row) {
    Map<String, Double> key = new HashMap<>();
    for (String id : column) {
      List<String> ns = neighbours.getOrDefault(id, List.of());
      key.put(
          id, ns.isEmpty() ? row.get(id) : ns.stream().mapToDouble(row::get).average().orElse(0));
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
