package dev.dbtls.intellij.views;

import java.awt.Color;
import javax.swing.UIManager;

/**
 * The views' colours, read from the look and feel (IntelliJ's themes set these keys, light or
 * dark), with Swing's own keys as fallbacks; only the semantic highlights (hot steps, node kinds,
 * verdicts) are fixed hues, mixed with the theme's background so they stay readable on both.
 */
public final class Palette {
  private Palette() {}

  public static Color foreground() {
    return first(Color.BLACK, "Label.foreground", "textText");
  }

  public static Color background() {
    return first(Color.WHITE, "Tree.background", "Table.background", "Panel.background");
  }

  /** Secondary text: types, times, counts. */
  public static Color muted() {
    return mix(foreground(), background(), 0.45);
  }

  public static Color border() {
    return first(Color.GRAY, "Component.borderColor", "Separator.foreground", "controlShadow");
  }

  public static Color selection() {
    return first(new Color(0x2675BF), "Tree.selectionBackground", "List.selectionBackground");
  }

  /** A step that takes most of the time. */
  public static Color hot() {
    return new Color(0xD83B2D);
  }

  /** A step that takes much of the time, less than {@link #hot}. */
  public static Color warm() {
    return new Color(0xE38B1F);
  }

  /** Faster, and other good news. */
  public static Color good() {
    return new Color(0x3F9A4B);
  }

  /** Whether the theme is dark (its background darker than its text). */
  public static boolean dark() {
    return luminance(background()) < luminance(foreground());
  }

  /** {@code a} with {@code t} (0..1) of {@code b} mixed in. */
  public static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
        (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
        (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
  }

  /** A highlight's fill behind text: the hue faded into the background. */
  public static Color tint(Color hue) {
    return mix(hue, background(), dark() ? 0.55 : 0.8);
  }

  /** {@code #rrggbb} of a colour, for the views' bits of HTML. */
  public static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static double luminance(Color c) {
    return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
  }

  private static Color first(Color fallback, String... keys) {
    for (String k : keys) {
      Color c = UIManager.getColor(k);
      if (c != null) {
        return c;
      }
    }
    return fallback;
  }
}
