package dev.dbtls.intellij.views;

import dev.dbtls.protocol.ColumnEdgeKind;
import dev.dbtls.protocol.ColumnLineageColumn;
import dev.dbtls.protocol.ColumnLineageEdge;
import dev.dbtls.protocol.ColumnLineageResult;
import dev.dbtls.protocol.LineageEdge;
import dev.dbtls.protocol.WireEnum;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Column Lineage tab: a card per node with a row per column of the answer, upstream nodes left
 * of the root's, downstream right; an edge from column to column coloured by its kind (filter/join
 * dashed) with a legend above; the root column highlighted, a node whose columns are not all known
 * marked "partial", the answer's notes below. A click on a row opens where the node produces that
 * column.
 */
public final class ColumnLineageView extends GraphCanvas {
  /** The kinds of edge, in the legend's order. */
  public static final List<ColumnEdgeKind> KINDS = List.of(ColumnEdgeKind.values());

  static final int HEADER_H = 24;
  static final int ROW_H = 20;
  static final int MIN_W = 170;
  static final int MAX_W = 300;
  static final int GAP_X = 90;
  static final int GAP_Y = 18;
  static final int PAD = 16;
  static final int LEGEND_H = 26;

  private ColumnLineageResult result;
  private final Map<String, List<ColumnLineageColumn>> byNode = new LinkedHashMap<>();
  private final Map<String, Rectangle> cards = new LinkedHashMap<>();
  private final Map<String, Rectangle> rows = new LinkedHashMap<>();
  private final List<ColumnLineageEdge> drawn = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private Dimension graphSize = new Dimension();
  private Consumer<ColumnLineageColumn> onOpen = c -> {};

  /** A click on a column's row: open {@code uri} at {@code range} (the node's file when null). */
  public void onOpen(Consumer<ColumnLineageColumn> action) {
    this.onOpen = action;
  }

  public void show(ColumnLineageResult answer) {
    this.result = answer;
    byNode.clear();
    cards.clear();
    rows.clear();
    if (answer.columns() != null) {
      for (ColumnLineageColumn c : answer.columns()) {
        byNode.computeIfAbsent(c.nodeId(), k -> new ArrayList<>()).add(c);
      }
    }
    List<LineageEdge> nodeEdges = new ArrayList<>();
    if (answer.edges() != null) {
      answer.edges().stream()
          .filter(e -> !e.fromNode().equals(e.toNode()))
          .map(e -> new LineageEdge(e.fromNode(), e.toNode()))
          .distinct()
          .forEach(nodeEdges::add);
    }
    Map<String, Integer> heights = new LinkedHashMap<>();
    byNode.forEach((id, cols) -> heights.put(id, HEADER_H + cols.size() * ROW_H + 4));
    CardColumns placed =
        new CardColumns(heights, nodeEdges, cardWidth(), GAP_X, GAP_Y, PAD, PAD + LEGEND_H);
    cards.putAll(placed.cards());
    graphSize = placed.size();
    byNode.forEach(
        (id, cols) -> {
          Rectangle card = cards.get(id);
          for (int i = 0; i < cols.size(); i++) {
            rows.put(
                key(id, cols.get(i).column()),
                new Rectangle(card.x, card.y + HEADER_H + i * ROW_H, card.width, ROW_H));
          }
        });
    revalidate();
    repaint();
  }

  private static String key(String node, String column) {
    return node + "\u0000" + (column == null ? "" : column.toLowerCase(java.util.Locale.ROOT));
  }

  private int cardWidth() {
    FontMetrics fm = getFontMetrics(getFont());
    FontMetrics fb = getFontMetrics(getFont().deriveFont(Font.BOLD));
    int widest = 0;
    for (List<ColumnLineageColumn> cols : byNode.values()) {
      widest =
          Math.max(
              widest,
              fb.stringWidth(
                      ErdView.displayName(cols.get(0).nodeId(), cols.get(0).nodeName())
                          + "  partial")
                  + 16);
      for (ColumnLineageColumn c : cols) {
        widest =
            Math.max(
                widest, fm.stringWidth(label(c) + "   " + (c.type() == null ? "" : c.type())) + 20);
      }
    }
    return Math.max(MIN_W, Math.min(MAX_W, widest));
  }

  private static String label(ColumnLineageColumn c) {
    return c.column() == null ? "(filter / join)" : c.column();
  }

  /** Where each node's card is, by node id. */
  public Map<String, Rectangle> cards() {
    return cards;
  }

  /**
   * Where a column's row is (null: not in the answer); {@code column} null for a filter/join use.
   */
  public Rectangle row(String nodeId, String column) {
    return rows.get(key(nodeId, column));
  }

  /** The edges the last paint drew (both ends in the answer). */
  public List<ColumnLineageEdge> drawnEdges() {
    return drawn;
  }

  /** The strings the last paint drew: names, types, legend, notes. */
  public List<String> texts() {
    return texts;
  }

  /** A kind as the legend says it: "passed through". */
  static String label(ColumnEdgeKind kind) {
    return WireEnum.wire(kind).replace('_', ' ');
  }

  /** Each kind's colour; {@code filter_join} is also dashed. */
  public static Color kindColor(ColumnEdgeKind kind) {
    return kind == null
        ? new Color(0x8C8C8C)
        : switch (kind) {
          case PASSED_THROUGH -> new Color(0x4A86C8);
          case RENAMED -> new Color(0x8E6BBF);
          case COMPUTED -> new Color(0xD9822B);
          case AGGREGATED -> new Color(0x3F9A4B);
          case FILTER_JOIN -> new Color(0x8C8C8C);
        };
  }

  private static Stroke stroke(ColumnEdgeKind kind) {
    return kind == ColumnEdgeKind.FILTER_JOIN
        ? new BasicStroke(
            1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f)
        : new BasicStroke(1.6f);
  }

  private List<String> notes() {
    List<String> out = new ArrayList<>();
    if (result != null && result.truncated()) {
      out.add("The answer was cut at its column limit.");
    }
    if (result != null && result.notes() != null) {
      out.addAll(result.notes());
    }
    return out;
  }

  @Override
  public Dimension getPreferredSize() {
    FontMetrics fm = getFontMetrics(small());
    int notesW = notes().stream().mapToInt(fm::stringWidth).max().orElse(0) + 2 * PAD;
    int w = Math.max(Math.max(graphSize.width + PAD, notesW), legendWidth(fm) + 2 * PAD);
    int h =
        graphSize.height
            + PAD
            + notes().size() * (fm.getHeight() + 2)
            + (notes().isEmpty() ? 0 : 8);
    return new Dimension(Math.max(w, 300), Math.max(h, 120));
  }

  private int legendWidth(FontMetrics fm) {
    return KINDS.stream().mapToInt(k -> 28 + fm.stringWidth(label(k)) + 14).sum();
  }

  @Override
  void click(Point p) {
    for (List<ColumnLineageColumn> cols : byNode.values()) {
      for (ColumnLineageColumn c : cols) {
        Rectangle r = row(c.nodeId(), c.column());
        if (r != null && r.contains(p)) {
          onOpen.accept(c);
          return;
        }
      }
    }
    for (Map.Entry<String, Rectangle> card : cards.entrySet()) {
      if (card.getValue().contains(p)) {
        onOpen.accept(byNode.get(card.getKey()).get(0));
        return;
      }
    }
  }

  private Font small() {
    return getFont().deriveFont(getFont().getSize2D() - 1f);
  }

  private void text(Graphics2D g, String s, int x, int y, int width) {
    String shown = LineageView.fit(s, g.getFontMetrics(), width);
    texts.add(shown);
    g.drawString(shown, x, y);
  }

  @Override
  protected void paintComponent(Graphics g0) {
    Graphics2D g = (Graphics2D) g0.create();
    texts.clear();
    drawn.clear();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
    g.setColor(Palette.background());
    g.fillRect(0, 0, getWidth(), getHeight());
    g.setFont(getFont());
    if (byNode.isEmpty()) {
      g.setColor(Palette.muted());
      String m =
          result == null
              ? "Put the cursor on a column of a model and show its column lineage."
              : Objects.requireNonNullElse(result.message(), "No column lineage.");
      text(g, m, PAD, PAD + g.getFontMetrics().getAscent(), Integer.MAX_VALUE);
      g.dispose();
      return;
    }
    legend(g);
    for (ColumnLineageEdge e :
        result.edges() == null ? List.<ColumnLineageEdge>of() : result.edges()) {
      Rectangle a = anchor(e.fromNode(), e.fromColumn());
      Rectangle b = anchor(e.toNode(), e.toColumn());
      if (a == null || b == null) {
        continue;
      }
      drawn.add(e);
      double x1 = a.getMaxX();
      double y1 = a.getCenterY();
      double x2 = b.getMinX();
      double y2 = b.getCenterY();
      Path2D path = new Path2D.Double();
      path.moveTo(x1, y1);
      double dx = Math.max(30, Math.abs(x2 - x1) / 2);
      path.curveTo(x1 + dx, y1, x2 - 6 - dx, y2, x2 - 6, y2);
      g.setColor(kindColor(e.kind()));
      g.setStroke(stroke(e.kind()));
      g.draw(path);
      arrowHead(g, x2, y2);
    }
    Font bold = getFont().deriveFont(Font.BOLD);
    Font small = small();
    String rootKey = key(result.nodeId(), result.column());
    for (Map.Entry<String, List<ColumnLineageColumn>> node : byNode.entrySet()) {
      Rectangle r = cards.get(node.getKey());
      ColumnLineageColumn first = node.getValue().get(0);
      Color hue = LineageView.kindColor(first.resourceType());
      RoundRectangle2D shape = new RoundRectangle2D.Double(r.x, r.y, r.width, r.height, 10, 10);
      g.setColor(Palette.background());
      g.fill(shape);
      g.setColor(Palette.tint(hue));
      g.fill(new RoundRectangle2D.Double(r.x, r.y, r.width, HEADER_H, 10, 10));
      g.fillRect(r.x, r.y + HEADER_H - 6, r.width, 6);
      boolean partial = node.getValue().stream().anyMatch(c -> !c.nodeColumnsComplete());
      g.setFont(small);
      FontMetrics fs = g.getFontMetrics();
      int partialW = partial ? fs.stringWidth("partial") + 10 : 0;
      if (partial) {
        int px = r.x + r.width - partialW - 4;
        g.setColor(Palette.warm());
        g.draw(new RoundRectangle2D.Double(px, r.y + 4, partialW, HEADER_H - 8, 8, 8));
        text(
            g,
            "partial",
            px + 5,
            r.y + (HEADER_H + fs.getAscent() - fs.getDescent()) / 2,
            partialW);
      }
      g.setFont(bold);
      FontMetrics fb = g.getFontMetrics();
      g.setColor(Palette.foreground());
      text(
          g,
          ErdView.displayName(first.nodeId(), first.nodeName()),
          r.x + 10,
          r.y + (HEADER_H + fb.getAscent() - fb.getDescent()) / 2,
          r.width - 20 - partialW);
      for (ColumnLineageColumn c : node.getValue()) {
        Rectangle row = row(c.nodeId(), c.column());
        boolean isRoot = key(c.nodeId(), c.column()).equals(rootKey);
        if (isRoot) {
          // the selection's hue faded, so the theme's text stays readable on it, and a bar of it
          g.setColor(Palette.tint(Palette.selection()));
          g.fillRect(row.x + 2, row.y + 1, row.width - 4, row.height - 2);
          g.setColor(Palette.selection());
          g.fillRect(row.x + 2, row.y + 1, 4, row.height - 2);
        }
        g.setFont(
            c.column() == null ? getFont().deriveFont(Font.ITALIC) : isRoot ? bold : getFont());
        FontMetrics fm = g.getFontMetrics();
        int baseline = row.y + (row.height + fm.getAscent() - fm.getDescent()) / 2;
        String type = c.type() == null ? "" : c.type();
        g.setFont(small);
        int typeW =
            type.isEmpty() ? 0 : Math.min(g.getFontMetrics().stringWidth(type), row.width / 2);
        if (!type.isEmpty()) {
          g.setColor(Palette.muted());
          text(g, type, row.x + row.width - 10 - typeW, baseline, typeW);
        }
        g.setFont(
            c.column() == null ? getFont().deriveFont(Font.ITALIC) : isRoot ? bold : getFont());
        g.setColor(c.column() == null ? Palette.muted() : Palette.foreground());
        text(g, label(c), row.x + 10, baseline, row.width - 26 - typeW);
      }
      g.setStroke(new BasicStroke(1.2f));
      g.setColor(hue);
      g.draw(shape);
    }
    g.setFont(small);
    FontMetrics fs = g.getFontMetrics();
    int y = graphSize.height + PAD + 8 + fs.getAscent();
    g.setColor(Palette.muted());
    for (String note : notes()) {
      text(g, note, PAD, y, Integer.MAX_VALUE);
      y += fs.getHeight() + 2;
    }
    g.dispose();
  }

  /** A column's row, else (a column the answer does not list) its node's header. */
  private Rectangle anchor(String node, String column) {
    Rectangle r = row(node, column);
    if (r != null) {
      return r;
    }
    Rectangle card = cards.get(node);
    return card == null ? null : new Rectangle(card.x, card.y, card.width, HEADER_H);
  }

  private void legend(Graphics2D g) {
    g.setFont(small());
    FontMetrics fs = g.getFontMetrics();
    int x = PAD;
    int mid = PAD + LEGEND_H / 2 - 4;
    for (ColumnEdgeKind kind : KINDS) {
      g.setColor(kindColor(kind));
      g.setStroke(stroke(kind));
      g.drawLine(x, mid, x + 22, mid);
      g.setColor(Palette.foreground());
      String label = label(kind);
      text(g, label, x + 28, mid + (fs.getAscent() - fs.getDescent()) / 2, Integer.MAX_VALUE);
      x += 28 + fs.stringWidth(label) + 14;
    }
  }
}
