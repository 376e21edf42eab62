package dev.dbtls.intellij.views;

import dev.dbtls.protocol.StepHeat;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.swing.JComponent;
import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeCellRenderer;

/**
 * A plan step in one line: its share as a bar with the percentage (red or orange when hot), the
 * operator and relation, the condition, estimated vs actual rows (flagged when far off), and a mark
 * when a finding is about it.
 */
public final class PlanStepRenderer extends JComponent implements TreeCellRenderer {
  static final int BAR = 64;
  private static final int GAP = 8;

  private PlanStep step;
  private String plain;
  private boolean selected;

  @Override
  public Component getTreeCellRendererComponent(
      JTree tree,
      Object value,
      boolean selected,
      boolean expanded,
      boolean leaf,
      int row,
      boolean hasFocus) {
    this.selected = selected;
    Object o = value instanceof DefaultMutableTreeNode n ? n.getUserObject() : value;
    this.step = o instanceof PlanStep s ? s : null;
    this.plain = step == null ? String.valueOf(o) : null;
    setFont(tree.getFont());
    return this;
  }

  @Override
  public Dimension getPreferredSize() {
    FontMetrics fm = getFontMetrics(getFont());
    FontMetrics bold = getFontMetrics(getFont().deriveFont(Font.BOLD));
    int h = fm.getHeight() + 6;
    if (step == null) {
      return new Dimension(fm.stringWidth(plain) + 8, h);
    }
    int w = BAR + GAP + fm.stringWidth("100%") + GAP + bold.stringWidth(step.title());
    if (step.condition() != null) {
      w += GAP + fm.stringWidth(condition());
    }
    if (!step.figures().isEmpty()) {
      w += GAP + fm.stringWidth(step.figures() + (step.misestimated() ? "  ⚠ misestimate" : ""));
    }
    if (!step.findings().isEmpty()) {
      w += GAP + fm.stringWidth(findingMark());
    }
    return new Dimension(w + 8, h);
  }

  @Override
  protected void paintComponent(Graphics g0) {
    Graphics2D g = (Graphics2D) g0.create();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
    Color fg =
        selected ? color("Tree.selectionForeground", Palette.foreground()) : Palette.foreground();
    Color muted = selected ? fg : Palette.muted();
    if (selected) {
      g.setColor(color("Tree.selectionBackground", Palette.selection()));
      g.fillRect(0, 0, getWidth(), getHeight());
    }
    FontMetrics fm = g.getFontMetrics(getFont());
    int base = (getHeight() + fm.getAscent() - fm.getDescent()) / 2;
    if (step == null) {
      g.setFont(getFont());
      g.setColor(fg);
      g.drawString(plain, 4, base);
      g.dispose();
      return;
    }
    int x = 2;
    Color hue = heatColor(step.heat());
    int barH = Math.max(6, fm.getAscent() - 2);
    int barY = (getHeight() - barH) / 2;
    g.setColor(Palette.mix(Palette.foreground(), Palette.background(), 0.88));
    g.fillRect(x, barY, BAR, barH);
    if (step.share() != null) {
      g.setColor(hue != null ? hue : Palette.mix(Palette.foreground(), Palette.background(), 0.5));
      g.fillRect(x, barY, (int) Math.round(BAR * step.share()), barH);
    }
    x += BAR + GAP;
    g.setFont(getFont());
    g.setColor(hue != null && !selected ? hue : muted);
    String pct =
        step.share() == null
            ? ""
            : String.format(Locale.ROOT, "%d%%", Math.round(step.share() * 100));
    g.drawString(pct, x + fm.stringWidth("100%") - fm.stringWidth(pct), base);
    x += fm.stringWidth("100%") + GAP;
    Font bold = getFont().deriveFont(Font.BOLD);
    g.setFont(bold);
    g.setColor(fg);
    g.drawString(step.title(), x, base);
    x += g.getFontMetrics(bold).stringWidth(step.title()) + GAP;
    g.setFont(getFont());
    if (step.condition() != null) {
      g.setColor(muted);
      g.drawString(condition(), x, base);
      x += fm.stringWidth(condition()) + GAP;
    }
    if (!step.figures().isEmpty()) {
      g.setColor(muted);
      g.drawString(step.figures(), x, base);
      x += fm.stringWidth(step.figures());
      if (step.misestimated()) {
        g.setColor(selected ? fg : Palette.warm());
        g.drawString("  ⚠ misestimate", x, base);
        x += fm.stringWidth("  ⚠ misestimate");
      }
      x += GAP;
    }
    if (!step.findings().isEmpty()) {
      g.setColor(selected ? fg : Palette.hot());
      g.drawString(findingMark(), x, base);
    }
    g.dispose();
  }

  private String condition() {
    String c = step.condition();
    return c.length() > 60 ? c.substring(0, 59) + "…" : c;
  }

  private String findingMark() {
    return "● " + step.findings().size() + (step.findings().size() == 1 ? " finding" : " findings");
  }

  /** The colour of a hot step; null for one that is not. */
  public static Color heatColor(StepHeat heat) {
    return switch (heat) {
      case HIGH -> Palette.hot();
      case WARM -> Palette.warm();
      case NONE -> null;
    };
  }

  private static Color color(String key, Color fallback) {
    Color c = UIManager.getColor(key);
    return c == null ? fallback : c;
  }
}
