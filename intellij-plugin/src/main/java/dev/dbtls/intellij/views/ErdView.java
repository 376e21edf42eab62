package dev.dbtls.intellij.views;

import dev.dbtls.protocol.ErdColumn;
import dev.dbtls.protocol.ErdEntity;
import dev.dbtls.protocol.ErdRelationship;
import dev.dbtls.protocol.ErdResult;
import dev.dbtls.protocol.LineageEdge;
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
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The ERD tab: a card per entity with its columns and their types, a line from the referencing
 * column to the referenced one (to the entity's header when the relationship names no column),
 * referencing entities left of those they refer to, the entities no relationship reaches in columns
 * to the right; an entity outside the selection is drawn dashed, without columns. A click on a card
 * opens the entity's file.
 */
public final class ErdView extends GraphCanvas {
  static final int HEADER_H = 24;
  static final int ROW_H = 20;
  static final int MIN_W = 170;
  static final int MAX_W = 300;
  static final int GAP_X = 90;
  static final int GAP_Y = 18;
  static final int PAD = 16;

  private ErdResult result;
  private final Map<String, ErdEntity> entities = new LinkedHashMap<>();
  private final Map<String, Rectangle> cards = new LinkedHashMap<>();
  private final Map<String, Rectangle> rows = new LinkedHashMap<>();
  private final List<ErdRelationship> drawn = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private Dimension graphSize = new Dimension();
  private Consumer<ErdEntity> onOpen = e -> {};

  /** A click on an entity: open its file ({@code uri}). */
  public void onOpen(Consumer<ErdEntity> action) {
    this.onOpen = action;
  }

  public void show(ErdResult answer) {
    this.result = answer;
    entities.clear();
    cards.clear();
    rows.clear();
    if (answer.entities() != null) {
      answer.entities().forEach(e -> entities.put(e.nodeId(), e));
    }
    List<LineageEdge> edges = new ArrayList<>();
    if (answer.relationships() != null) {
      answer.relationships().stream()
          .filter(r -> !r.fromNode().equals(r.toNode()))
          .map(r -> new LineageEdge(r.fromNode(), r.toNode()))
          .distinct()
          .forEach(edges::add);
    }
    java.util.Set<String> related = new java.util.HashSet<>();
    edges.forEach(
        e -> {
          related.add(e.from());
          related.add(e.to());
        });
    Map<String, Integer> heights = new LinkedHashMap<>();
    entities.forEach(
        (id, e) -> {
          if (related.contains(id)) {
            heights.put(id, height(e));
          }
        });
    int width = cardWidth();
    CardColumns placed = new CardColumns(heights, edges, width, GAP_X, GAP_Y, PAD, PAD);
    cards.putAll(placed.cards());
    // entities no relationship reaches: in columns right of the graph, as high as it
    int tallest =
        Math.max(
            placed.size().height,
            entities.values().stream().mapToInt(ErdView::height).max().orElse(0) + PAD);
    int x = heights.isEmpty() ? PAD : placed.size().width + GAP_X / 2;
    int y = PAD;
    int right = placed.size().width;
    int bottom = placed.size().height;
    for (ErdEntity e : entities.values()) {
      if (related.contains(e.nodeId())) {
        continue;
      }
      if (y > PAD && y + height(e) > tallest) {
        x += width + GAP_Y;
        y = PAD;
      }
      cards.put(e.nodeId(), new Rectangle(x, y, width, height(e)));
      right = Math.max(right, x + width);
      bottom = Math.max(bottom, y + height(e));
      y += height(e) + GAP_Y;
    }
    graphSize = new Dimension(right, bottom);
    entities.forEach(
        (id, e) -> {
          Rectangle card = cards.get(id);
          List<ErdColumn> cols = columns(e);
          for (int i = 0; i < cols.size(); i++) {
            rows.put(
                key(id, cols.get(i).name()),
                new Rectangle(card.x, card.y + HEADER_H + i * ROW_H, card.width, ROW_H));
          }
        });
    revalidate();
    repaint();
  }

  private static int height(ErdEntity e) {
    return HEADER_H + columns(e).size() * ROW_H + 4;
  }

  /**
   * A versioned model's name with its version ({@code customers v2}), as dbt's ref tells them
   * apart.
   */
  static String displayName(String nodeId, String name) {
    java.util.regex.Matcher v =
        java.util.regex.Pattern.compile("\\.(v\\d+)$").matcher(nodeId == null ? "" : nodeId);
    return v.find() && name != null && !name.endsWith(v.group(1)) ? name + " " + v.group(1) : name;
  }

  private static List<ErdColumn> columns(ErdEntity e) {
    return e.columns() == null ? List.of() : e.columns();
  }

  private static String key(String node, String column) {
    return node + "\u0000" + (column == null ? "" : column.toLowerCase(Locale.ROOT));
  }

  private int cardWidth() {
    FontMetrics fm = getFontMetrics(getFont());
    FontMetrics fb = getFontMetrics(getFont().deriveFont(Font.BOLD));
    int widest = 0;
    for (ErdEntity e : entities.values()) {
      widest =
          Math.max(
              widest,
              fb.stringWidth(displayName(e.nodeId(), e.name()) + "  " + e.resourceType()) + 20);
      for (ErdColumn c : columns(e)) {
        widest =
            Math.max(
                widest,
                fm.stringWidth(c.name() + "   " + Objects.requireNonNullElse(c.type(), "")) + 20);
      }
    }
    return Math.max(MIN_W, Math.min(MAX_W, widest));
  }

  /** Where each entity's card is, by node id. */
  public Map<String, Rectangle> cards() {
    return cards;
  }

  /** Where an entity's column is (null: not listed). */
  public Rectangle row(String nodeId, String column) {
    return rows.get(key(nodeId, column));
  }

  /** The relationships the last paint drew (both entities in the answer). */
  public List<ErdRelationship> drawnRelationships() {
    return drawn;
  }

  /** The strings the last paint drew. */
  public List<String> texts() {
    return texts;
  }

  /** The colour of the relationships the project declares (tests, constraints). */
  public static Color relationshipColor() {
    return new Color(0xD9822B);
  }

  /** The colour of a relationship by its first source: the warehouse's own keys are green. */
  public static Color relationshipColor(String source) {
    return WAREHOUSE_KEY.equals(source) ? new Color(0x3FA34D) : relationshipColor();
  }

  static final String WAREHOUSE_KEY = "warehouse_foreign_key";

  /** The legend's entries: source, label; in the order docs/protocol.md lists the sources. */
  static final List<String[]> LEGEND =
      List.of(
          new String[] {"relationships_test", "relationships test"},
          new String[] {"foreign_key_constraint", "foreign key"},
          new String[] {WAREHOUSE_KEY, "warehouse key"});

  /**
   * A relationship's line: a test dashed, a constraint solid, a warehouse key dash-dot and wider.
   */
  static BasicStroke stroke(String source) {
    if (WAREHOUSE_KEY.equals(source)) {
      return new BasicStroke(
          2.4f,
          BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_ROUND,
          10f,
          new float[] {10f, 3f, 2f, 3f},
          0f);
    }
    return "foreign_key_constraint".equals(source)
        ? new BasicStroke(2f)
        : new BasicStroke(
            1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 3f}, 0f);
  }

  /**
   * Lines under the diagram: the legend, the server's message (why warehouse keys are missing), the
   * cut.
   */
  private int footerLines() {
    if (result == null || entities.isEmpty()) {
      return 0;
    }
    return 1 + (result.message() != null ? 1 : 0) + (result.truncated() ? 1 : 0);
  }

  @Override
  public Dimension getPreferredSize() {
    FontMetrics fm = getFontMetrics(getFont());
    int extra = footerLines() * (fm.getHeight() + 8);
    int footer = 0;
    if (footerLines() > 0) { // the legend and the message are read whole
      footer = LEGEND.stream().mapToInt(e -> 34 + fm.stringWidth(e[1]) + 18).sum() + PAD;
      footer =
          Math.max(
              footer, result.message() == null ? 0 : fm.stringWidth(result.message()) + 2 * PAD);
    }
    return new Dimension(
        Math.max(Math.max(graphSize.width + PAD, footer), 300),
        Math.max(graphSize.height + PAD + extra, 120));
  }

  @Override
  void click(Point p) {
    for (Map.Entry<String, Rectangle> card : cards.entrySet()) {
      if (card.getValue().contains(p)) {
        onOpen.accept(entities.get(card.getKey()));
        return;
      }
    }
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
    if (entities.isEmpty()) {
      g.setColor(Palette.muted());
      String m =
          result == null
              ? "Show the ERD of the project's models."
              : Objects.requireNonNullElse(result.message(), "No entities.");
      text(g, m, PAD, PAD + g.getFontMetrics().getAscent(), Integer.MAX_VALUE);
      g.dispose();
      return;
    }
    for (ErdRelationship r :
        result.relationships() == null ? List.<ErdRelationship>of() : result.relationships()) {
      Rectangle a = anchor(r.fromNode(), r.fromColumn());
      Rectangle b = anchor(r.toNode(), r.toColumn());
      if (a == null || b == null) {
        continue;
      }
      drawn.add(r);
      boolean forward = a.getCenterX() <= b.getCenterX();
      double x1 = forward ? a.getMaxX() : a.getMinX();
      double x2 = forward ? b.getMinX() : b.getMaxX();
      double y1 = a.getCenterY();
      double y2 = b.getCenterY();
      double dx = Math.max(30, Math.abs(x2 - x1) / 2) * (forward ? 1 : -1);
      Path2D path = new Path2D.Double();
      path.moveTo(x1, y1);
      path.curveTo(x1 + dx, y1, x2 - dx, y2, x2, y2);
      g.setColor(relationshipColor(r.source()));
      BasicStroke line = stroke(r.source());
      if (!WAREHOUSE_KEY.equals(r.source())
          && r.sources() != null
          && r.sources().contains(WAREHOUSE_KEY)) {
        // a declaration the warehouse's key confirms: its own line, wider
        line =
            new BasicStroke(
                line.getLineWidth() + 1f,
                line.getEndCap(),
                line.getLineJoin(),
                line.getMiterLimit(),
                line.getDashArray(),
                line.getDashPhase());
      }
      g.setStroke(line);
      g.draw(path);
      // many (a fork) at the referencing column, one (a dot) at the referenced one
      g.setStroke(new BasicStroke(1.6f));
      double s = forward ? 1 : -1;
      g.draw(new java.awt.geom.Line2D.Double(x1, y1 - 5, x1 + 8 * s, y1));
      g.draw(new java.awt.geom.Line2D.Double(x1, y1 + 5, x1 + 8 * s, y1));
      g.fill(new Ellipse2D.Double(x2 - 3, y2 - 3, 6, 6));
    }
    Font bold = getFont().deriveFont(Font.BOLD);
    Font small = getFont().deriveFont(getFont().getSize2D() - 1f);
    for (ErdEntity e : entities.values()) {
      Rectangle r = cards.get(e.nodeId());
      Color hue = LineageView.kindColor(e.resourceType());
      RoundRectangle2D shape = new RoundRectangle2D.Double(r.x, r.y, r.width, r.height, 10, 10);
      g.setColor(Palette.background());
      g.fill(shape);
      g.setColor(Palette.tint(hue));
      g.fill(new RoundRectangle2D.Double(r.x, r.y, r.width, HEADER_H, 10, 10));
      g.fillRect(r.x, r.y + HEADER_H - 6, r.width, 6);
      g.setFont(small);
      FontMetrics fs = g.getFontMetrics();
      int kindW = fs.stringWidth(e.resourceType());
      g.setColor(Palette.muted());
      text(
          g,
          e.resourceType(),
          r.x + r.width - 10 - kindW,
          r.y + (HEADER_H + fs.getAscent() - fs.getDescent()) / 2,
          kindW);
      g.setFont(bold);
      FontMetrics fb = g.getFontMetrics();
      g.setColor(Palette.foreground());
      text(
          g,
          displayName(e.nodeId(), e.name()),
          r.x + 10,
          r.y + (HEADER_H + fb.getAscent() - fb.getDescent()) / 2,
          r.width - 24 - kindW);
      for (ErdColumn c : columns(e)) {
        Rectangle row = row(e.nodeId(), c.name());
        g.setFont(getFont());
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
        g.setFont(getFont());
        g.setColor(Palette.foreground());
        text(g, c.name(), row.x + 10, baseline, row.width - 26 - typeW);
      }
      g.setColor(hue);
      g.setStroke(
          e.selected()
              ? new BasicStroke(1.2f)
              : new BasicStroke(
                  1.2f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_ROUND,
                  10f,
                  new float[] {4f, 3f},
                  0f));
      g.draw(shape);
    }
    g.setFont(getFont());
    FontMetrics fm = g.getFontMetrics();
    int line = fm.getHeight() + 8;
    int baseline = graphSize.height + PAD + fm.getAscent();
    int x = PAD;
    for (String[] entry : LEGEND) {
      int mid = baseline - (fm.getAscent() - fm.getDescent()) / 2;
      g.setColor(relationshipColor(entry[0]));
      g.setStroke(stroke(entry[0]));
      g.draw(new java.awt.geom.Line2D.Double(x, mid, x + 28, mid));
      g.setColor(Palette.foreground());
      text(g, entry[1], x + 34, baseline, Integer.MAX_VALUE);
      x += 34 + fm.stringWidth(entry[1]) + 18;
    }
    if (result.message() != null) {
      baseline += line;
      g.setColor(Palette.warm());
      text(g, result.message(), PAD, baseline, Integer.MAX_VALUE);
    }
    if (result.truncated()) {
      baseline += line;
      g.setColor(Palette.muted());
      text(g, "More nodes were selected than the diagram shows.", PAD, baseline, Integer.MAX_VALUE);
    }
    g.dispose();
  }

  /** A column's row, else the entity's header. */
  private Rectangle anchor(String node, String column) {
    Rectangle r = column == null ? null : row(node, column);
    if (r != null) {
      return r;
    }
    Rectangle card = cards.get(node);
    return card == null ? null : new Rectangle(card.x, card.y, card.width, HEADER_H);
  }
}
