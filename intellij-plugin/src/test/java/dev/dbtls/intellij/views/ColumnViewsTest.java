package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.ColumnEdgeKind;
import dev.dbtls.protocol.ColumnLineageColumn;
import dev.dbtls.protocol.ColumnLineageEdge;
import dev.dbtls.protocol.ColumnLineageResult;
import dev.dbtls.protocol.ErdColumn;
import dev.dbtls.protocol.ErdEntity;
import dev.dbtls.protocol.ErdRelationship;
import dev.dbtls.protocol.ErdResult;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Column Lineage and ERD views built from the real server's answers for jaffle_shop
 * (orders.amount; the ERD of every model), painted headless and clicked.
 */
class ColumnViewsTest {
  @BeforeAll
  static void lookAndFeel() {
    Screenshot.lookAndFeel();
  }

  private static void click(JComponent view, Rectangle where) {
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

  private static void noOverlap(Map<String, Rectangle> cards) {
    List<Rectangle> all = new ArrayList<>(cards.values());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertFalse(
            all.get(i).intersects(all.get(j)),
            "cards do not overlap: " + all.get(i) + " " + all.get(j));
      }
    }
  }

  @Test
  void columnLineageShowsColumnsEdgesByKindAndOpensColumns() throws Exception {
    ColumnLineageResult answer =
        Recorded.load("column-lineage-orders-amount", ColumnLineageResult.class);
    ColumnLineageView view = new ColumnLineageView();
    List<ColumnLineageColumn> opened = new ArrayList<>();
    view.onOpen(opened::add);
    view.show(answer);
    long nodes = answer.columns().stream().map(ColumnLineageColumn::nodeId).distinct().count();
    assertEquals(nodes, view.cards().size(), "a card per node");
    noOverlap(view.cards());
    for (ColumnLineageColumn c : answer.columns()) {
      assertNotNull(view.row(c.nodeId(), c.column()), "a row per column: " + c);
    }
    for (ColumnLineageEdge e : answer.edges()) {
      if (!e.fromNode().equals(e.toNode())) {
        assertTrue(
            view.cards().get(e.fromNode()).getMaxX() < view.cards().get(e.toNode()).getMinX(),
            "upstream left of downstream: " + e);
      }
    }
    Dimension size = view.getPreferredSize();
    Screenshot shot = Screenshot.take(view, size.width, size.height, "intellij-column-lineage");
    assertEquals(answer.edges(), view.drawnEdges(), "every edge is drawn");
    List<String> texts = view.texts();
    assertTrue(
        texts.containsAll(
            List.of("orders", "stg_payments", "amount", "lifetime_value", "customers v2")),
        texts.toString());
    assertTrue(
        texts.containsAll(
            List.of("passed through", "renamed", "computed", "aggregated", "filter join")),
        "the legend: " + texts);
    assertTrue(texts.containsAll(answer.notes()), "the notes: " + answer.notes());
    long partial =
        answer.columns().stream()
            .filter(c -> !c.nodeColumnsComplete())
            .map(ColumnLineageColumn::nodeId)
            .distinct()
            .count();
    assertEquals(
        partial, texts.stream().filter("partial"::equals).count(), "partial nodes are marked");
    Rectangle rootRow = view.row("model.jaffle_shop.orders", "amount");
    assertTrue(
        shot.has(rootRow, Palette.tint(Palette.selection()))
            && shot.has(rootRow, Palette.selection()),
        "the root is highlighted");
    Rectangle stg = view.cards().get("model.jaffle_shop.stg_payments");
    Rectangle orders = view.cards().get("model.jaffle_shop.orders");
    Rectangle between =
        new Rectangle(
            (int) stg.getMaxX() + 2,
            Math.min(stg.y, orders.y),
            orders.x - (int) stg.getMaxX() - 4,
            Math.max(stg.height, orders.height) + Math.abs(stg.y - orders.y));
    assertTrue(
        shot.has(between, ColumnLineageView.kindColor(ColumnEdgeKind.AGGREGATED)),
        "the aggregated edge is drawn green");

    click(view, view.row("model.jaffle_shop.stg_payments", "amount"));
    assertEquals(1, opened.size());
    assertEquals("amount", opened.get(0).column());
    assertTrue(
        opened.get(0).uri().endsWith("models/staging/stg_payments.sql"), opened.get(0).uri());
    assertNotNull(opened.get(0).range(), "where stg_payments produces amount");
  }

  @Test
  void erdShowsEntitiesColumnsAndRelationships() throws Exception {
    ErdResult answer = Recorded.load("erd-jaffle-shop", ErdResult.class);
    ErdView view = new ErdView();
    List<ErdEntity> opened = new ArrayList<>();
    view.onOpen(opened::add);
    view.show(answer);
    assertEquals(answer.entities().size(), view.cards().size(), "a card per entity");
    noOverlap(view.cards());
    for (ErdEntity e : answer.entities()) {
      for (ErdColumn c : e.columns()) {
        assertNotNull(view.row(e.nodeId(), c.name()), e.name() + "." + c.name());
      }
    }
    Dimension size = view.getPreferredSize();
    Screenshot shot = Screenshot.take(view, size.width, size.height, "intellij-erd");
    assertEquals(answer.relationships(), view.drawnRelationships(), "every relationship is drawn");
    assertTrue(
        view.texts().containsAll(List.of("orders", "customer_id", "integer")),
        view.texts().toString());
    ErdRelationship toCustomers =
        answer.relationships().stream()
            .filter(r -> r.fromNode().equals("model.jaffle_shop.orders"))
            .findFirst()
            .orElseThrow();
    Rectangle from = view.row(toCustomers.fromNode(), toCustomers.fromColumn());
    Rectangle to = view.row(toCustomers.toNode(), toCustomers.toColumn());
    assertTrue(
        from.getMaxX() < to.getMinX(), "the referencing entity is left of the one it refers to");
    assertTrue(
        shot.has(
            new Rectangle((int) from.getMaxX() + 1, from.y, 12, from.height),
            ErdView.relationshipColor()),
        "the relationship leaves orders.customer_id");

    click(view, view.cards().get("model.jaffle_shop.orders"));
    assertEquals(1, opened.size());
    assertTrue(opened.get(0).uri().endsWith("models/marts/orders.sql"), opened.get(0).uri());
  }

  @Test
  void erdDrawsTheWarehouseKeysInTheirOwnColourWithALegendAndSaysWhyWhenTheyAreMissing()
      throws Exception {
    ErdResult answer = Recorded.load("erd-shop-warehouse-keys", ErdResult.class);
    ErdView view = new ErdView();
    view.show(answer);
    Dimension size = view.getPreferredSize();
    Screenshot shot = Screenshot.take(view, size.width, size.height, "intellij-erd-warehouse-keys");
    assertEquals(answer.relationships(), view.drawnRelationships(), "every relationship is drawn");
    assertTrue(
        view.texts().containsAll(List.of("relationships test", "foreign key", "warehouse key")),
        view.texts().toString());
    // shipments (order_id, product_id) -> order_items: a composite key, one green line per column
    for (String column : List.of("order_id", "product_id")) {
      Rectangle from = view.row("model.shop.shipments", column);
      assertTrue(
          shot.has(
              new Rectangle((int) from.getMaxX() + 1, from.y, 14, from.height),
              ErdView.relationshipColor("warehouse_foreign_key")),
          "the warehouse key leaves shipments." + column);
    }
    // a test the warehouse confirms keeps the project's colour
    Rectangle test = view.row("model.shop.orders", "customer_id");
    assertTrue(
        shot.has(
            new Rectangle((int) test.getMaxX() + 1, test.y, 14, test.height),
            ErdView.relationshipColor()),
        "orders.customer_id");

    ErdResult down = Recorded.load("erd-shop-warehouse-down", ErdResult.class);
    view.show(down);
    Screenshot.take(
        view,
        view.getPreferredSize().width,
        view.getPreferredSize().height,
        "intellij-erd-warehouse-down");
    assertEquals(1, view.drawnRelationships().size());
    assertTrue(view.texts().contains(down.message()), view.texts().toString());
  }
}
