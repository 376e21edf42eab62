package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * A view painted headless into an image, as the tool window would show it at that size, written to
 * target/screenshots/ for a person to look at (and for the README).
 */
final class Screenshot {
  static final Path DIR = Path.of("target", "screenshots");

  final BufferedImage image;

  private Screenshot(BufferedImage image) {
    this.image = image;
  }

  /** Plain Metal without bold labels: the closest stock look to IntelliJ's. */
  static void lookAndFeel() {
    assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "the views are rendered headless");
    UIManager.put("swing.boldMetal", Boolean.FALSE);
    try {
      UIManager.setLookAndFeel(new javax.swing.plaf.metal.MetalLookAndFeel());
    } catch (javax.swing.UnsupportedLookAndFeelException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Lays {@code view} out at {@code width} × {@code height}, paints it, writes {@code name}.png.
   */
  static Screenshot take(JComponent view, int width, int height, String name) throws IOException {
    if (!javax.swing.SwingUtilities.isEventDispatchThread()) {
      // on the event thread, after what it still has queued for the view (an HTML pane's layout):
      // a paint beside it races over the text's views
      Screenshot[] out = new Screenshot[1];
      IOException[] failed = new IOException[1];
      try {
        javax.swing.SwingUtilities.invokeAndWait(
            () -> {
              try {
                out[0] = take(view, width, height, name);
              } catch (IOException e) {
                failed[0] = e;
              }
            });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException(e.getCause());
      }
      if (failed[0] != null) {
        throw failed[0];
      }
      return out[0];
    }
    view.setSize(width, height);
    layout(view);
    layout(view); // scroll panes settle once their views know their sizes
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(UIManager.getColor("Panel.background"));
    g.fillRect(0, 0, width, height);
    // paint, not print: a table printing leaves out the selection
    javax.swing.RepaintManager.currentManager(view).setDoubleBufferingEnabled(false);
    view.paint(g);
    g.dispose();
    Files.createDirectories(DIR);
    ImageIO.write(image, "png", DIR.resolve(name + ".png").toFile());
    return new Screenshot(image);
  }

  /**
   * Lays out the tree top down. Without a window nothing is ever validated, so the layouts' cached
   * sizes (BoxLayout's) are dropped by hand first, as validate() would after a change.
   */
  private static void layout(Component c) {
    if (c instanceof Container container
        && container.getLayout() instanceof java.awt.LayoutManager2 lm) {
      lm.invalidateLayout(container);
    }
    c.doLayout();
    if (c instanceof Container container) {
      for (Component child : container.getComponents()) {
        layout(child);
      }
    }
  }

  /** The share of pixels not of the image's most common colour: 0 for a blank panel. */
  double inked() {
    java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        counts.merge(image.getRGB(x, y), 1, Integer::sum);
      }
    }
    int most = counts.values().stream().mapToInt(i -> i).max().orElse(0);
    return 1 - most / (double) (image.getWidth() * image.getHeight());
  }

  /** Whether some pixel in {@code area} (of the view's coordinates) is close to {@code colour}. */
  boolean has(java.awt.Rectangle area, Color colour) {
    for (int y = Math.max(0, area.y); y < Math.min(image.getHeight(), area.y + area.height); y++) {
      for (int x = Math.max(0, area.x); x < Math.min(image.getWidth(), area.x + area.width); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (Math.abs(c.getRed() - colour.getRed())
                + Math.abs(c.getGreen() - colour.getGreen())
                + Math.abs(c.getBlue() - colour.getBlue())
            < 24) {
          return true;
        }
      }
    }
    return false;
  }
}
