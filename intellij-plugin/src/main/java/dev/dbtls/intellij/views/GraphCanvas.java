package dev.dbtls.intellij.views;

import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * What the graph views (lineage, column lineage, ERD) share: opaque, drawn in the look and feel's
 * label font (again when the theme changes), and a click handed to the view at its point.
 */
abstract class GraphCanvas extends JComponent {
  GraphCanvas() {
    updateUI();
    setOpaque(true);
    addMouseListener(new MouseAdapter() {
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

  /** A click at {@code p}, in the view's coordinates. */
  abstract void click(Point p);
}
