package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.CatalogResult;
import dev.dbtls.protocol.HistoryEntry;
import dev.dbtls.protocol.HistoryResult;
import java.util.ArrayList;
import java.util.List;
import javax.swing.tree.DefaultMutableTreeNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Database explorer and History built from the real server's dbt/catalog and dbt/history on
 * jaffle_shop.
 */
class CatalogHistoryViewTest {
  @BeforeAll
  static void lookAndFeel() {
    Screenshot.lookAndFeel();
  }

  private static List<String> rows(javax.swing.JTree tree) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < tree.getRowCount(); r++) {
      out.add(
          String.valueOf(
              ((DefaultMutableTreeNode) tree.getPathForRow(r).getLastPathComponent())
                  .getUserObject()));
    }
    return out;
  }

  @Test
  void catalogTreeWithNodesAndColumns() throws Exception {
    CatalogResult catalog = Recorded.load("catalog-jaffle-shop", CatalogResult.class);
    CatalogView view = new CatalogView();
    List<CatalogItem> opened = new ArrayList<>();
    view.onOpen(opened::add);
    view.show(catalog);
    view.expandRelation("shop_orders");
    List<String> rows = rows(view.tree());
    assertTrue(rows.contains("main_raw  schema"), rows.toString());
    assertTrue(rows.contains("shop_orders  table · seed.jaffle_shop.shop_orders"), rows.toString());
    var shopOrders =
        catalog.relations().stream()
            .filter(r -> r.name().equals("shop_orders"))
            .findFirst()
            .orElseThrow();
    for (var column : shopOrders.columns()) {
      assertTrue(
          rows.stream().anyMatch(r -> r.startsWith(column.name() + "  ")), column + " in " + rows);
    }
    assertTrue(
        rows.contains("not built  " + catalog.notBuilt().size() + " nodes of the project"),
        rows.toString());
    Screenshot shot = Screenshot.take(view, 620, 640, "intellij-database");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());

    int row = rows.indexOf("shop_orders  table · seed.jaffle_shop.shop_orders");
    var bounds = view.tree().getRowBounds(row);
    view.tree()
        .dispatchEvent(
            new java.awt.event.MouseEvent(
                view.tree(),
                java.awt.event.MouseEvent.MOUSE_CLICKED,
                0,
                0,
                bounds.x + 10,
                bounds.y + bounds.height / 2,
                2,
                false,
                java.awt.event.MouseEvent.BUTTON1));
    assertEquals(1, opened.size());
    assertTrue(
        opened.get(0).uri().endsWith("seeds/shop_orders.csv")
            || opened.get(0).uri().contains("shop_orders"),
        opened.get(0).uri());
  }

  @Test
  void historyListFoundAsYouType() throws Exception {
    HistoryResult history = Recorded.load("history-jaffle-shop", HistoryResult.class);
    HistoryView view = new HistoryView();
    List<String> searched = new ArrayList<>();
    view.onSearch(searched::add);
    view.show(history);
    assertEquals(history.entries().size(), view.entryList().getModel().getSize());
    assertEquals(
        history.entries().get(0).sql(),
        view.detailText().split("\n\n-- ")[0],
        "the newest selected, whole");
    Screenshot shot = Screenshot.take(view, 900, 360, "intellij-history");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());

    view.searchField().setText("no_such_column");
    assertEquals(
        "no_such_column", searched.get(searched.size() - 1), "the search goes to the server too");
    List<HistoryEntry> found = new ArrayList<>();
    for (int i = 0; i < view.entryList().getModel().getSize(); i++) {
      found.add(view.entryList().getModel().getElementAt(i));
    }
    assertEquals(
        history.entries().stream().filter(e -> e.sql().contains("no_such_column")).toList(), found);
    assertEquals(1, found.size());
  }
}
