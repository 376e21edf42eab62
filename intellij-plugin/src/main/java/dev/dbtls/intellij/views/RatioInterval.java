package dev.dbtls.intellij.views;

import dev.dbtls.protocol.BenchmarkComparison;
import dev.dbtls.protocol.BenchmarkVerdict;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * A comparison's ratio of medians with its 95 % interval on a log scale around 1 (the same speed):
 * green when the whole interval is below 1 (faster), red above (slower), grey across.
 */
public final class RatioInterval extends JComponent {
  private BenchmarkComparison comparison;

  public RatioInterval() {
    updateUI();
  }

  /** The look and feel's label font, again when the theme changes. */
  @Override
  public void updateUI() {
    super.updateUI();
    setFont(javax.swing.UIManager.getFont("Label.font"));
  }

  public void show(BenchmarkComparison comparison) {
    this.comparison = comparison;
    repaint();
  }

  /** The verdict's colour: faster green, slower red, otherwise the muted text colour. */
  public static Color verdictColor(BenchmarkVerdict verdict) {
    if (verdict == BenchmarkVerdict.FASTER) {
      return Palette.good();
    }
    if (verdict == BenchmarkVerdict.SLOWER) {
      return Palette.hot();
    }
    return Palette.muted();
  }

  @Override
  public Dimension getPreferredSize() {
    return new Dimension(300, getFontMetrics(getFont()).getHeight() * 2 + 16);
  }

  @Override
  protected void paintComponent(Graphics g0) {
    if (comparison == null || comparison.ratio() == null) {
      return;
    }
    Graphics2D g = (Graphics2D) g0.create();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
    g.setFont(getFont());
    FontMetrics fm = g.getFontMetrics();
    double low = comparison.low() == null ? comparison.ratio() : comparison.low();
    double high = comparison.high() == null ? comparison.ratio() : comparison.high();
    double span =
        Math.max(Math.max(Math.abs(Math.log(low)), Math.abs(Math.log(high))), Math.log(1.25))
            * 1.15;
    int left = 12;
    int right = getWidth() - 12;
    int mid = 8 + fm.getHeight() / 2 + 4;
    java.util.function.DoubleToIntFunction x =
        r -> left + (int) Math.round((right - left) * (Math.log(r) + span) / (2 * span));
    g.setColor(Palette.border());
    g.drawLine(left, mid, right, mid);
    int one = x.applyAsInt(1);
    g.drawLine(one, mid - 8, one, mid + 8);
    Color hue = verdictColor(comparison.verdict());
    g.setColor(hue);
    g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawLine(x.applyAsInt(low), mid, x.applyAsInt(high), mid);
    int rx = x.applyAsInt(comparison.ratio());
    g.setColor(Palette.foreground());
    g.fill(new Ellipse2D.Double(rx - 4.5, mid - 4.5, 9, 9));
    g.setColor(Palette.muted());
    int ty = mid + 12 + fm.getAscent();
    String same = "1× (same)";
    g.drawString(same, one - fm.stringWidth(same) / 2, ty);
    String lo = String.format(Locale.ROOT, "%.2f×", low);
    String hi = String.format(Locale.ROOT, "%.2f×", high);
    int lx = Math.max(0, x.applyAsInt(low) - fm.stringWidth(lo) / 2);
    int hx = Math.min(getWidth() - fm.stringWidth(hi), x.applyAsInt(high) - fm.stringWidth(hi) / 2);
    if (lx + fm.stringWidth(lo) < one - fm.stringWidth(same) / 2 - 4) {
      g.drawString(lo, lx, ty);
    }
    if (hx > one + fm.stringWidth(same) / 2 + 4) {
      g.drawString(hi, hx, ty);
    }
    g.dispose();
  }
}
