package dev.dbtls.intellij.views;

import dev.dbtls.protocol.LineageEdge;
import dev.dbtls.protocol.LineageNode;
import dev.dbtls.protocol.LineageResult;
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
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Lineage tab's graph: parents left of children, each node with its kind and materialization,
 * the root outlined; a click opens the node's file, a click on a "+N" badge asks for the N parents
 * (left) or children (right) the answer left out, which {@link #merge} adds.
 */
public final class LineageView extends GraphCanvas {
  /**
   * A "+N" badge clicked: the node whose hidden parents ({@code upstream}) or children to fetch.
   */
  public record Expand(LineageNode node, boolean upstream) {}

  static final int MIN_NODE_W = 150;
  static final int MAX_NODE_W = 280;
  static final int NODE_H = 44;
  static final int LANE_H = 8;
  static final int TEXT_X = 18;
  static final int GAP_X = 70;
  static final int GAP_Y = 16;
  static final int PAD = 20;

  private final Map<String, LineageNode> nodes = new LinkedHashMap<>();
  private final Set<LineageEdge> edges = new LinkedHashSet<>();
  private String root;
  private String message;
  private LineageLayout layout =
      new LineageLayout(List.of(), List.of(), MIN_NODE_W, NODE_H, GAP_X, GAP_Y, LANE_H, PAD);
  private Consumer<LineageNode> onOpen = n -> {};
  private Consumer<Expand> onExpand = e -> {};

  /** A click on a node: open its file at its definition ({@code uri}, {@code range}). */
  public void onOpen(Consumer<LineageNode> action) {
    this.onOpen = action;
  }

  /** A click on "+N": fetch that node's lineage on that side, then {@link #merge} it. */
  public void onExpand(Consumer<Expand> action) {
    this.onExpand = action;
  }

  public void show(LineageResult result) {
    nodes.clear();
    edges.clear();
    root = result.root();
    message = result.message();
    merge(result);
  }

  /**
   * Adds an expansion's nodes and edges; a node's hidden counts shrink to what is still left out.
   */
  public void merge(LineageResult more) {
    if (more.nodes() != null) {
      for (LineageNode n : more.nodes()) {
        LineageNode known = nodes.get(n.id());
        nodes.put(
            n.id(),
            known == null
                ? n
                : new LineageNode(
                    known.id(),
                    known.resourceType(),
                    known.name(),
                    known.packageName(),
                    known.materialization(),
                    known.uri(),
                    known.range(),
                    known.description(),
                    known.depth(),
                    Math.min(known.hiddenUpstream(), n.hiddenUpstream()),
                    Math.min(known.hiddenDownstream(), n.hiddenDownstream()),
                    n.lastRun() != null ? n.lastRun() : known.lastRun()));
      }
    }
    if (more.edges() != null) {
      edges.addAll(more.edges());
    }
    layout =
        new LineageLayout(
            new ArrayList<>(nodes.values()),
            new ArrayList<>(edges),
            nodeWidth(),
            NODE_H,
            GAP_X,
            GAP_Y,
            LANE_H,
            PAD);
    revalidate();
    repaint();
  }

  /** Wide enough for the longest name, within limits (longer ones are cut with "…"). */
  private int nodeWidth() {
    FontMetrics fm = getFontMetrics(getFont().deriveFont(Font.BOLD));
    int widest = nodes.values().stream().mapToInt(n -> fm.stringWidth(n.name())).max().orElse(0);
    return Math.max(MIN_NODE_W, Math.min(MAX_NODE_W, widest + TEXT_X + 12));
  }

  public LineageLayout graphLayout() {
    return layout;
  }

  /**
   * Where a node's "+N" badge is: left for hidden parents, right for hidden children; null without.
   */
  public Rectangle badge(LineageNode node, boolean upstream) {
    LineageLayout.Box b = layout.box(node.id());
    int hidden = upstream ? node.hiddenUpstream() : node.hiddenDownstream();
    if (b == null || hidden <= 0) {
      return null;
    }
    FontMetrics fm = getFontMetrics(small());
    int w = fm.stringWidth("+" + hidden) + 10;
    int h = fm.getHeight() + 2;
    int x = upstream ? b.bounds().x - w / 2 - 2 : b.bounds().x + b.bounds().width - w / 2 + 2;
    return new Rectangle(x, b.bounds().y + (b.bounds().height - h) / 2, w, h);
  }

  @Override
  public Dimension getPreferredSize() {
    Dimension d = layout.size();
    return new Dimension(Math.max(d.width + 20, 300), Math.max(d.height, 120));
  }

  /** Each resource type's hue (semantic; the fill fades it into the theme's background). */
  public static Color kindColor(String resourceType) {
    return switch (resourceType == null ? "" : resourceType) {
      case "model" -> new Color(0x4A86C8);
      case "source" -> new Color(0x3F9A4B);
      case "seed" -> new Color(0x8A9A2E);
      case "snapshot" -> new Color(0x8E6BBF);
      case "exposure" -> new Color(0xD9822B);
      case "test" -> new Color(0x8C8C8C);
      default -> new Color(0x6D8CA8);
    };
  }

  @Override
  void click(Point p) {
    for (LineageNode n : nodes.values()) {
      for (boolean up : new boolean[] {true, false}) {
        Rectangle b = badge(n, up);
        if (b != null && b.contains(p)) {
          onExpand.accept(new Expand(n, up));
          return;
        }
      }
    }
    for (LineageLayout.Box b : layout.boxes().values()) {
      if (b.bounds().contains(p)) {
        onOpen.accept(b.node());
        return;
      }
    }
  }

  private Font small() {
    return getFont().deriveFont(getFont().getSize2D() - 1f);
  }

  @Override
  protected void paintComponent(Graphics g0) {
    Graphics2D g = (Graphics2D) g0.create();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
    g.setColor(Palette.background());
    g.fillRect(0, 0, getWidth(), getHeight());
    g.setFont(getFont());
    if (nodes.isEmpty()) {
      g.setColor(Palette.muted());
      g.drawString(
          message == null ? "Open a model and show its lineage." : message,
          PAD,
          PAD + g.getFontMetrics().getAscent());
      g.dispose();
      return;
    }
    Color edge = Palette.mix(Palette.foreground(), Palette.background(), 0.6);
    g.setStroke(new BasicStroke(1.3f));
    for (LineageEdge e : layout.edges()) {
      Rectangle a = layout.box(e.from()).bounds();
      Rectangle b = layout.box(e.to()).bounds();
      double x1 = a.getMaxX();
      double y1 = a.getCenterY();
      double x2 = b.getMinX();
      double y2 = b.getCenterY();
      g.setColor(edge);
      Path2D path = new Path2D.Double();
      path.moveTo(x1, y1);
      for (Rectangle lane : layout.route(e)) {
        curve(path, x1, y1, lane.getMinX(), lane.getCenterY());
        path.lineTo(lane.getMaxX(), lane.getCenterY());
        x1 = lane.getMaxX();
        y1 = lane.getCenterY();
      }
      curve(path, x1, y1, x2 - 6, y2);
      g.draw(path);
      arrowHead(g, x2, y2);
    }
    Font bold = getFont().deriveFont(Font.BOLD);
    Font small = small();
    for (LineageLayout.Box box : layout.boxes().values()) {
      LineageNode n = box.node();
      Rectangle r = box.bounds();
      Color hue = kindColor(n.resourceType());
      RoundRectangle2D shape = new RoundRectangle2D.Double(r.x, r.y, r.width, r.height, 10, 10);
      g.setColor(Palette.tint(hue));
      g.fill(shape);
      boolean isRoot = n.id().equals(root);
      g.setStroke(new BasicStroke(isRoot ? 2.6f : 1.2f));
      g.setColor(isRoot ? Palette.foreground() : hue);
      g.draw(shape);
      g.setColor(hue);
      g.fillRect(r.x + 1, r.y + 6, 4, r.height - 12);
      g.setFont(bold);
      FontMetrics fb = g.getFontMetrics();
      g.setColor(Palette.foreground());
      g.drawString(fit(n.name(), fb, r.width - TEXT_X - 8), r.x + TEXT_X, r.y + 6 + fb.getAscent());
      g.setFont(small);
      FontMetrics fs = g.getFontMetrics();
      String kind =
          n.resourceType()
              + (n.materialization() == null || n.materialization().equals(n.resourceType())
                  ? ""
                  : " · " + n.materialization());
      String last = n.lastRun() == null ? null : lastRunWord(n.lastRun().status());
      int markWidth = last == null ? 0 : fs.stringWidth(last) + 10;
      g.setColor(Palette.mix(Palette.foreground(), Palette.background(), 0.35));
      g.drawString(
          fit(kind, fs, r.width - TEXT_X - 8 - markWidth), r.x + TEXT_X, r.y + r.height - 7);
      if (last != null) {
        // the node's last dbt run (the server's run history): a pill in the run's colour
        Color runColor = RunView.color(n.lastRun().status().name().toLowerCase(Locale.ROOT));
        int mx = r.x + r.width - markWidth - 6;
        int my = r.y + r.height - 7 - fs.getAscent();
        g.setColor(runColor);
        g.fill(new RoundRectangle2D.Double(mx, my - 1, markWidth, fs.getHeight(), 8, 8));
        g.setColor(Palette.background());
        g.drawString(last, mx + 5, r.y + r.height - 7);
      }
    }
    g.setFont(small);
    FontMetrics fs = g.getFontMetrics();
    for (LineageNode n : nodes.values()) {
      for (boolean up : new boolean[] {true, false}) {
        Rectangle b = badge(n, up);
        if (b == null) {
          continue;
        }
        RoundRectangle2D pill =
            new RoundRectangle2D.Double(b.x, b.y, b.width, b.height, b.height, b.height);
        g.setColor(Palette.background());
        g.fill(pill);
        g.setColor(Palette.selection());
        g.setStroke(new BasicStroke(1.2f));
        g.draw(pill);
        String t = "+" + (up ? n.hiddenUpstream() : n.hiddenDownstream());
        g.setColor(Palette.foreground());
        g.drawString(
            t,
            b.x + (b.width - fs.stringWidth(t)) / 2,
            b.y + (b.height + fs.getAscent() - fs.getDescent()) / 2);
      }
    }
    g.dispose();
  }

  /** An S-curve from the current point ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}). */
  private static void curve(Path2D path, double x1, double y1, double x2, double y2) {
    double dx = Math.max(20, (x2 - x1) / 2);
    path.curveTo(x1 + dx, y1, x2 - dx, y2, x2, y2);
  }

  static String fit(String s, FontMetrics fm, int width) {
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    while (s.length() > 1 && fm.stringWidth(s + "…") > width) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "…";
  }

  /** A last run's status as the node's mark says it. */
  static String lastRunWord(dev.dbtls.protocol.RunStatus status) {
    return switch (status) {
      case SUCCESS -> "built";
      case PASS -> "passed";
      case WARN -> "warned";
      case FAIL -> "failed";
      case ERROR -> "error";
      case SKIPPED -> "skipped";
      case RUNNING -> "running";
    };
  }
}
