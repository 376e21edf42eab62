package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.LineageEdge;
import dev.dbtls.protocol.LineageNode;
import dev.dbtls.protocol.LineageResult;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lineage graph built from the real server's lineage of jaffle_shop's orders, then "+2" on
 * stg_orders.
 */
class LineageViewTest {
  @BeforeAll
  static void lookAndFeel() {
    Screenshot.lookAndFeel();
  }

  private static void parentsLeftOfChildren(LineageLayout layout) {
    for (LineageEdge e : layout.edges()) {
      assertTrue(
          layout.box(e.from()).bounds().getMaxX() < layout.box(e.to()).bounds().getMinX(),
          e.toString());
    }
    List<Rectangle> boxes =
        layout.boxes().values().stream().map(LineageLayout.Box::bounds).toList();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertFalse(boxes.get(i).intersects(boxes.get(j)), "boxes do not overlap");
      }
    }
  }

  private static void click(LineageView view, Rectangle where) {
    view.dispatchEvent(
        new MouseEvent(
            view,
            MouseEvent.MOUSE_CLICKED,
            0,
            0,
            (int) where.getCenterX(),
            (int) where.getCenterY(),
            1,
            false,
            MouseEvent.BUTTON1));
  }

  @Test
  void layeredGraphOpensFilesAndExpands() throws Exception {
    LineageResult lineage = Recorded.load("lineage-orders", LineageResult.class);
    LineageView view = new LineageView();
    List<LineageNode> opened = new ArrayList<>();
    List<LineageView.Expand> expanded = new ArrayList<>();
    view.onOpen(opened::add);
    view.onExpand(expanded::add);
    view.show(lineage);
    LineageLayout layout = view.graphLayout();
    assertEquals(lineage.nodes().size(), layout.boxes().size());
    parentsLeftOfChildren(layout);
    Dimension size = view.getPreferredSize();
    Screenshot shot = Screenshot.take(view, size.width, size.height, "intellij-lineage");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());
    assertTrue(
        shot.has(layout.box("model.jaffle_shop.orders").bounds(), LineageView.kindColor("model")));
    assertTrue(
        shot.has(
            layout.box("seed.jaffle_shop.shop_orders").bounds(), LineageView.kindColor("seed")));

    click(view, layout.box("model.jaffle_shop.stg_orders").bounds());
    assertEquals("model.jaffle_shop.stg_orders", opened.get(0).id());
    assertTrue(opened.get(0).uri().endsWith("models/staging/stg_orders.sql"), opened.get(0).uri());

    LineageNode stg =
        lineage.nodes().stream()
            .filter(n -> n.name().equals("stg_orders"))
            .findFirst()
            .orElseThrow();
    Rectangle badge = view.badge(stg, false);
    assertNotNull(badge, "stg_orders has children the answer left out");
    click(view, badge);
    assertEquals(List.of(new LineageView.Expand(stg, false)), expanded);

    LineageResult more = Recorded.load("lineage-stg-orders-children", LineageResult.class);
    view.merge(more);
    LineageNode merged = view.graphLayout().box(stg.id()).node();
    assertEquals(0, merged.hiddenDownstream(), "its children are all shown now");
    assertTrue(
        view.graphLayout()
            .boxes()
            .keySet()
            .containsAll(more.nodes().stream().map(LineageNode::id).toList()));
    parentsLeftOfChildren(view.graphLayout());
    size = view.getPreferredSize();
    Screenshot.take(view, size.width, size.height, "intellij-lineage-expanded");
  }

  /** A node the last dbt run reached carries a mark in the run's colour: failed in red. */
  @Test
  void eachNodesLastRunIsMarked() throws Exception {
    LineageResult lineage = Recorded.load("lineage-orders", LineageResult.class);
    LineageResult painted =
        new LineageResult(
            lineage.root(),
            lineage.message(),
            lineage.nodes().stream()
                .map(
                    n ->
                        n.id().equals("model.jaffle_shop.orders")
                            ? n.withLastRun(
                                new dev.dbtls.protocol.LastRun(
                                    dev.dbtls.protocol.RunStatus.FAIL,
                                    "2026-11-25T07:00:00Z",
                                    null))
                            : n)
                .toList(),
            lineage.edges(),
            lineage.truncated());
    LineageView view = new LineageView();
    view.show(painted);
    Dimension size = view.getPreferredSize();
    Screenshot shot = Screenshot.take(view, size.width, size.height, "intellij-lineage-last-run");
    Rectangle box = view.graphLayout().box("model.jaffle_shop.orders").bounds();
    Rectangle corner =
        new Rectangle(box.x + box.width / 2, box.y + box.height / 2, box.width / 2, box.height / 2);
    assertTrue(shot.has(corner, Palette.hot()), "the failed mark is drawn");
    Rectangle other = view.graphLayout().box("model.jaffle_shop.stg_orders").bounds();
    assertTrue(!shot.has(other, Palette.hot()), "a node no run reached has no mark");
  }
}
