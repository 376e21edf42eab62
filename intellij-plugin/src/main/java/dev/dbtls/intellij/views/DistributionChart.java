package dev.dbtls.intellij.views;

import dev.dbtls.protocol.BenchmarkVariant;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * Each variant's measured runs on one time axis: a dot per run (spread vertically so equal times
 * stay visible), a line from the fastest to the slowest run, the median as a bold mark, p95 as a
 * thin one. Variants share the axis so their distributions compare at a glance.
 */
public final class DistributionChart extends JComponent {
  /** The variants' hues, baseline first (semantic: the same in light and dark themes). */
  public static final Color[] HUES = {
    new Color(0x4A86C8), new Color(0xD9822B), new Color(0x8E6BBF), new Color(0x3F9A4B)
  };

  private static final int ROW = 44;
  private static final int PAD = 10;

  private List<BenchmarkVariant> variants = List.of();

  public DistributionChart() {
    updateUI();
  }

  /** The look and feel's label font, again when the theme changes. */
  @Override
  public void updateUI() {
    super.updateUI();
    setFont(javax.swing.UIManager.getFont("Label.font"));
  }

  public void show(List<BenchmarkVariant> variants) {
    this.variants = variants == null ? List.of() : List.copyOf(variants);
    revalidate();
    repaint();
  }

  public List<BenchmarkVariant> variants() {
    return variants;
  }

  @Override
  public Dimension getPreferredSize() {
    FontMetrics fm = getFontMetrics(getFont());
    return new Dimension(
        420, PAD * 2 + Math.max(1, variants.size()) * ROW + fm.getHeight() * 2 + 8);
  }

  /**
   * The x of {@code ms} on an axis from 0 to {@code max} drawn between {@code left} and {@code
   * right}.
   */
  static int x(double ms, double max, int left, int right) {
    return left + (int) Math.round((right - left) * (ms / max));
  }

  /** A round axis end at or above {@code max}: 1, 2, 2.5 or 5 times a power of ten. */
  static double niceMax(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= max) {
        return m * p;
      }
    }
    return 10 * p;
  }

  @Override
  protected void paintComponent(Graphics g0) {
    Graphics2D g = (Graphics2D) g0.create();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
    g.setFont(getFont());
    FontMetrics fm = g.getFontMetrics();
    if (isOpaque()) {
      g.setColor(Palette.background());
      g.fillRect(0, 0, getWidth(), getHeight());
    }
    if (variants.isEmpty()) {
      g.setColor(Palette.muted());
      g.drawString("The runs show here when the benchmark has ended.", PAD, PAD + fm.getAscent());
      g.dispose();
      return;
    }
    int labelWidth = 0;
    double max = 0;
    for (BenchmarkVariant v : variants) {
      labelWidth = Math.max(labelWidth, fm.stringWidth(v.label()));
      for (Double ms : v.runsMs()) {
        max = Math.max(max, ms);
      }
    }
    max = niceMax(max);
    int left = PAD + labelWidth + 14;
    int right = getWidth() - PAD - fm.stringWidth("00.0 ms") / 2;
    // rows share the height there is, within limits
    int row =
        Math.max(
            ROW, Math.min(80, (getHeight() - PAD * 2 - fm.getHeight() * 2 - 8) / variants.size()));
    int axisY = PAD + variants.size() * row;
    // grid and axis
    g.setColor(Palette.mix(Palette.border(), Palette.background(), 0.5));
    for (int i = 0; i <= 4; i++) {
      int gx = x(max * i / 4, max, left, right);
      g.drawLine(gx, PAD, gx, axisY);
    }
    g.setColor(Palette.border());
    g.drawLine(left, axisY, right, axisY);
    g.setColor(Palette.muted());
    for (int i = 0; i <= 4; i++) {
      String t = ms(max * i / 4);
      int gx = x(max * i / 4, max, left, right);
      g.drawString(t, gx - fm.stringWidth(t) / 2, axisY + fm.getAscent() + 4);
    }
    String caption = "wall time per run";
    g.drawString(
        caption,
        (left + right - fm.stringWidth(caption)) / 2,
        axisY + fm.getHeight() + fm.getAscent() + 6);
    for (int i = 0; i < variants.size(); i++) {
      BenchmarkVariant v = variants.get(i);
      Color hue = HUES[i % HUES.length];
      int mid = PAD + i * row + row / 2;
      g.setColor(Palette.foreground());
      g.drawString(v.label(), PAD, mid + fm.getAscent() / 2 - 2);
      if (v.stats() == null || v.runsMs().isEmpty()) {
        continue;
      }
      g.setColor(Palette.mix(hue, Palette.background(), 0.4));
      g.setStroke(new BasicStroke(2f));
      g.drawLine(
          x(v.stats().min(), max, left, right), mid, x(v.stats().max(), max, left, right), mid);
      List<Double> runs = new ArrayList<>(v.runsMs());
      for (int r = 0; r < runs.size(); r++) {
        double dy = ((r * 7) % 5 - 2) * 3.5; // a fixed spread, so two equal times are two dots
        double cx = x(runs.get(r), max, left, right);
        g.setColor(hue);
        g.fill(new Ellipse2D.Double(cx - 3.5, mid + dy - 3.5, 7, 7));
      }
      g.setColor(hue.darker());
      g.setStroke(new BasicStroke(3f));
      int mx = x(v.stats().median(), max, left, right);
      g.drawLine(mx, mid - 13, mx, mid + 13);
      g.setStroke(new BasicStroke(1.2f));
      int px = x(v.stats().p95(), max, left, right);
      g.drawLine(px, mid - 8, px, mid + 8);
      g.setColor(Palette.muted());
      String median = "median " + ms(v.stats().median());
      int tx = Math.min(mx + 5, getWidth() - PAD - fm.stringWidth(median));
      g.drawString(median, tx, mid - 14 + fm.getAscent() / 2 - fm.getHeight() / 2 + 2);
    }
    g.dispose();
  }

  /** "0.8 ms", "12 ms", "1.4 s". */
  static String ms(double ms) {
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
    return ms >= 10 || ms == Math.rint(ms)
        ? String.format(Locale.ROOT, "%.0f ms", ms)
        : String.format(Locale.ROOT, "%.1f ms", ms);
  }
}
