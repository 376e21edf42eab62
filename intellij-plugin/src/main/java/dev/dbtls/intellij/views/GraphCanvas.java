package dev.dbtls.intellij.views;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Path2D;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * What the graph views (lineage, column lineage, ERD) share: opaque, drawn in the look and feel's
 * label font (again when the theme changes), a click handed to the view at its point, and the arrow
 * heads of their edges.
 */
abstract class GraphCanvas extends JComponent {
  GraphCanvas() {
    updateUI();
    setOpaque(true);
    addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            click(e.getPoint());
          }
        });
  }

  @Override
  public void updateUI() {
    super.updateUI();
    setFont(UIManager.getFont("Label.font"));
  }

  /**
   * The head of an edge that ends at ({@code x}, {@code y}), pointing right, in the current colour.
   */
  static void arrowHead(Graphics2D g, double x, double y) {
    Path2D arrow = new Path2D.Double();
    arrow.moveTo(x, y);
    arrow.lineTo(x - 7, y - 4);
    arrow.lineTo(x - 7, y + 4);
    arrow.closePath();
    g.fill(arrow);
  }

  /** A click at {@code p}, in the view's coordinates. */
  abstract void click(Point p);
}
