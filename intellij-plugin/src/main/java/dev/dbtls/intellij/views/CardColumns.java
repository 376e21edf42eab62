package dev.dbtls.intellij.views;

import dev.dbtls.protocol.LineageEdge;
import dev.dbtls.protocol.LineageNode;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cards of different heights (a node with a row per column) placed in the columns and order {@link
 * LineageLayout} gives their nodes: parents left of children, neighbours near each other; each
 * column is stacked with the cards' own heights and centred on the tallest.
 */
final class CardColumns {
  private final Map<String, Rectangle> cards = new LinkedHashMap<>();
  private final Dimension size;

  /**
   * {@code heights} by id (in the order wanted when nothing else decides), {@code edges} between
   * ids.
   */
  CardColumns(
      Map<String, Integer> heights,
      List<LineageEdge> edges,
      int width,
      int gapX,
      int gapY,
      int left,
      int top) {
    List<LineageNode> nodes =
        heights.keySet().stream()
            .map(id -> new LineageNode(id, null, id, null, null, null, null, null, 0, 0, 0, null))
            .toList();
    LineageLayout layered = new LineageLayout(nodes, edges, width, 10, gapX, 4, 1, 0);
    Map<Integer, List<LineageLayout.Box>> columns = new TreeMap<>();
    layered
        .boxes()
        .values()
        .forEach(b -> columns.computeIfAbsent(b.layer(), k -> new ArrayList<>()).add(b));
    columns.values().forEach(c -> c.sort(Comparator.comparingInt(b -> b.bounds().y)));
    Map<Integer, Integer> columnHeight = new TreeMap<>();
    columns.forEach(
        (layer, boxes) ->
            columnHeight.put(
                layer,
                boxes.stream().mapToInt(b -> heights.get(b.node().id()) + gapY).sum() - gapY));
    int tallest = columnHeight.values().stream().mapToInt(i -> i).max().orElse(0);
    int layers = columns.keySet().stream().mapToInt(i -> i).max().orElse(-1) + 1;
    columns.forEach(
        (layer, boxes) -> {
          int y = top + (tallest - columnHeight.get(layer)) / 2;
          int x = left + layer * (width + gapX);
          for (LineageLayout.Box b : boxes) {
            int h = heights.get(b.node().id());
            cards.put(b.node().id(), new Rectangle(x, y, width, h));
            y += h + gapY;
          }
        });
    size = new Dimension(left + layers * width + Math.max(0, layers - 1) * gapX, top + tallest);
  }

  /** Each card's place, by id. */
  Map<String, Rectangle> cards() {
    return cards;
  }

  /** The right and bottom edges of the cards, from the origin (padding not included). */
  Dimension size() {
    return size;
  }
}
