package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.ColumnLineageResult;
import dev.dbtls.protocol.ErdResult;
import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.LineageResult;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import javax.swing.UIManager;
import javax.swing.plaf.ColorUIResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The views take their colours from the look and feel: under dark defaults (the keys IntelliJ's
 * Darcula sets) the backgrounds are dark and the text light, and the semantic highlights stay.
 */
class DarkThemeTest {
  static final Color BACKGROUND = new Color(0x2B2D30);
  static final Color TEXT = new Color(0xDFE1E5);
  static final String[] BACKGROUNDS = {
    "Panel.background",
    "control",
    "SplitPane.background",
    "Tree.background",
    "Tree.textBackground",
    "Table.background",
    "Viewport.background",
    "ScrollPane.background",
    "EditorPane.background",
    "List.background",
    "TextArea.background"
  };
  static final String[] FOREGROUNDS = {
    "Label.foreground",
    "Tree.foreground",
    "Tree.textForeground",
    "Table.foreground",
    "EditorPane.foreground",
    "List.foreground",
    "TextArea.foreground"
  };

  @BeforeEach
  void dark() {
    Screenshot.lookAndFeel();
    for (String key : BACKGROUNDS) {
      UIManager.put(key, new ColorUIResource(BACKGROUND));
    }
    for (String key : FOREGROUNDS) {
      UIManager.put(key, new ColorUIResource(TEXT));
    }
  }

  /**
   * The keys put stay across look-and-feel changes: taken out again, so the next tests are light.
   */
  @AfterEach
  void light() {
    for (String key : BACKGROUNDS) {
      UIManager.put(key, null);
    }
    for (String key : FOREGROUNDS) {
      UIManager.put(key, null);
    }
    Screenshot.lookAndFeel();
  }

  @Test
  void planAndLineageFollowTheTheme() throws Exception {
    assertTrue(Palette.dark());
    PlanView plan = new PlanView();
    plan.show(Recorded.load("explain-orders", ExplainResult.class));
    Screenshot planShot = Screenshot.take(plan, 1100, 320, "intellij-plan-dark");
    Rectangle tree =
        javax.swing.SwingUtilities.convertRectangle(
            plan.tree(), new Rectangle(plan.tree().getSize()), plan);
    assertTrue(planShot.has(tree, BACKGROUND), "the tree is dark");
    assertTrue(planShot.has(tree, TEXT), "the steps are written in the theme's text colour");
    assertTrue(planShot.has(tree, Palette.hot()), "the hot step stays red");

    LineageView lineage = new LineageView();
    lineage.show(Recorded.load("lineage-orders", LineageResult.class));
    Dimension size = lineage.getPreferredSize();
    Screenshot lineageShot =
        Screenshot.take(lineage, size.width, size.height, "intellij-lineage-dark");
    Rectangle all = new Rectangle(size);
    assertTrue(lineageShot.has(all, BACKGROUND));
    assertTrue(lineageShot.has(all, TEXT), "node names in the theme's text colour");
    Rectangle orders = lineage.graphLayout().box("model.jaffle_shop.orders").bounds();
    assertTrue(
        lineageShot.has(orders, Palette.tint(LineageView.kindColor("model"))),
        "a model's fill, faded into the dark");
  }

  @Test
  void columnLineageAndErdFollowTheTheme() throws Exception {
    ColumnLineageView columns = new ColumnLineageView();
    columns.show(Recorded.load("column-lineage-orders-amount", ColumnLineageResult.class));
    Dimension size = columns.getPreferredSize();
    Screenshot shot =
        Screenshot.take(columns, size.width, size.height, "intellij-column-lineage-dark");
    Rectangle stg = columns.cards().get("model.jaffle_shop.stg_payments");
    assertTrue(shot.has(stg, BACKGROUND), "a card's rows on the dark background");
    assertTrue(
        shot.has(columns.row("model.jaffle_shop.stg_payments", "amount"), TEXT),
        "column names in the text colour");

    ErdView erd = new ErdView();
    erd.show(Recorded.load("erd-jaffle-shop", ErdResult.class));
    size = erd.getPreferredSize();
    Screenshot erdShot = Screenshot.take(erd, size.width, size.height, "intellij-erd-dark");
    Rectangle orders = erd.cards().get("model.jaffle_shop.orders");
    assertTrue(erdShot.has(orders, BACKGROUND));
    assertTrue(erdShot.has(erd.row("model.jaffle_shop.orders", "customer_id"), TEXT));
  }
}
