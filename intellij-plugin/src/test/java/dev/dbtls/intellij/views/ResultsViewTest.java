package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.PreviewColumn;
import dev.dbtls.protocol.PreviewPage;
import dev.dbtls.protocol.PreviewResult;
import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JLabel;
import javax.swing.SwingConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Results grid built from the real server's preview of jaffle_shop's orders and its second
 * page.
 */
class ResultsViewTest {
  @BeforeAll
  static void lookAndFeel() {
    Screenshot.lookAndFeel();
  }

  @Test
  void gridPagesTimesAndExports() throws Exception {
    PreviewResult preview = Recorded.load("preview-orders", PreviewResult.class);
    PreviewPage page = Recorded.load("preview-orders-page2", PreviewPage.class);
    AtomicLong clock = new AtomicLong();
    ResultsView view = new ResultsView(new Elapsed(clock::get));
    List<String> asked = new ArrayList<>();
    List<String> exported = new ArrayList<>();
    view.onLoadMore(asked::add);
    view.onExport(() -> exported.add("export"));

    view.running("orders");
    assertTrue(view.cancelButton().isEnabled(), "cancel while it runs");
    assertFalse(view.loadMoreButton().isEnabled());
    clock.set(1_480_000_000L);
    view.show(preview);
    clock.set(9_000_000_000L);
    assertEquals(
        "orders · 40 rows · more to load · " + preview.columns().size() + " columns · 1.5 s",
        view.statusText(),
        "the clock stopped when the answer came");
    assertFalse(view.cancelButton().isEnabled());

    ResultsTableModel model = view.model();
    assertEquals(
        preview.columns().stream().map(PreviewColumn::name).toList(),
        java.util.stream.IntStream.range(0, model.getColumnCount())
            .mapToObj(model::getColumnName)
            .toList());
    int orderId = 0;
    int amount = preview.columns().stream().map(PreviewColumn::name).toList().indexOf("amount");
    assertTrue(model.numeric(orderId));
    assertTrue(model.numeric(amount), preview.columns().get(amount).toString());
    for (int r = 0; r < model.getRowCount(); r++) {
      assertTrue(
          ((String) model.getValueAt(r, orderId)).matches("\\d+"), "whole numbers read as such");
    }
    Component headerCell =
        view.table()
            .getTableHeader()
            .getDefaultRenderer()
            .getTableCellRendererComponent(view.table(), null, false, false, -1, orderId);
    assertTrue(
        ((JLabel) headerCell).getText().contains(preview.columns().get(orderId).type()),
        "typed headers");
    assertEquals(
        SwingConstants.RIGHT,
        ((JLabel)
                view.table()
                    .getCellRenderer(0, orderId)
                    .getTableCellRendererComponent(
                        view.table(), model.getValueAt(0, orderId), false, false, 0, orderId))
            .getHorizontalAlignment());

    view.table().changeSelection(2, amount, false, false);
    assertEquals(model.getValueAt(2, amount), view.detailText(), "the selected cell whole below");
    view.table().changeSelection(2, 2, false, false);
    // the selections scrolled the viewport, which has no size before it is laid out: back to the
    // start
    ((javax.swing.JViewport) view.table().getParent()).setViewPosition(new java.awt.Point(0, 0));
    Screenshot shot = Screenshot.take(view, 1100, 460, "intellij-results");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());
    java.awt.Rectangle header =
        javax.swing.SwingUtilities.convertRectangle(
            view.table().getTableHeader(), view.table().getTableHeader().getBounds(), view);
    assertTrue(header.height > 20 && header.width > 500, "the typed header is shown: " + header);

    assertTrue(view.loadMoreButton().isEnabled());
    view.loadMoreButton().doClick();
    assertEquals(List.of(preview.cursor()), asked, "load more asks for the page after the cursor");
    view.append(page);
    assertEquals(80, model.getRowCount());
    assertEquals(page.hasMore(), view.loadMoreButton().isEnabled());
    assertTrue(view.statusText().startsWith("orders · 80 rows"), view.statusText());

    view.exportButton().doClick();
    assertEquals(List.of("export"), exported);
  }

  @Test
  void longAndJsonValuesHaveADetail() {
    Map<String, Object> struct = Map.of("city", "Amsterdam", "stores", List.of("AMS01", "AMS02"));
    assertTrue(CellText.hasDetail(struct));
    assertTrue(CellText.detail(struct).contains("\n  \"stores\": ["), CellText.detail(struct));
    assertFalse(CellText.inGrid(struct).contains("\n"));
    String longText = "x".repeat(500);
    assertTrue(CellText.inGrid(longText).length() <= CellText.MAX_CELL);
    assertEquals(longText, CellText.detail(longText));
    assertEquals("NULL", CellText.inGrid(null));
    assertEquals("3522", CellText.inGrid(3522.0));
    assertEquals("35.22", CellText.inGrid(35.22));
  }

  @Test
  void cancelStopsTheClock() {
    AtomicLong clock = new AtomicLong();
    ResultsView view = new ResultsView(new Elapsed(clock::get));
    List<String> cancelled = new ArrayList<>();
    view.onCancel(() -> cancelled.add("cancel"));
    view.running("orders");
    clock.set(2_000_000_000L);
    assertTrue(view.cancelButton().isEnabled());
    view.cancelButton().doClick();
    assertEquals(List.of("cancel"), cancelled);
    view.stopped("cancelled");
    clock.set(7_000_000_000L);
    assertEquals("orders: cancelled · 2.0 s", view.statusText());
    assertFalse(view.cancelButton().isEnabled());
  }

  @Test
  void aFailedPreviewSaysWhy() throws Exception {
    ResultsView view = new ResultsView(new Elapsed(() -> 0));
    view.running("orders");
    view.show(
        new PreviewResult(
            null,
            null,
            null,
            List.of(),
            List.of(),
            false,
            false,
            null,
            3,
            List.of(),
            List.of(),
            new dev.dbtls.protocol.PreviewError(
                "warehouse-query", "Binder Error: column nope not found"),
            null));
    assertTrue(view.statusText().contains("column nope not found"), view.statusText());
    assertTrue(view.detailText().contains("column nope not found"));
    assertFalse(view.exportButton().isEnabled());
  }

  @Test
  void aPreviewOnAWarehouseThatBillsByBytesSaysWhatItScanned() throws Exception {
    PreviewResult recorded = Recorded.load("preview-orders", PreviewResult.class);
    PreviewResult scanned =
        new PreviewResult(
            recorded.uri(),
            recorded.nodeId(),
            recorded.compiledSql(),
            recorded.columns(),
            recorded.rows(),
            false,
            false,
            null,
            recorded.millis(),
            recorded.inlined(),
            recorded.problems(),
            null,
            1_234_567L);
    AtomicLong clock = new AtomicLong();
    ResultsView view = new ResultsView(new Elapsed(clock::get));
    view.running("orders");
    clock.set(1_480_000_000L);
    view.show(scanned);
    assertEquals(
        "orders · 40 rows · " + scanned.columns().size() + " columns · scanned 1.2 MB · 1.5 s",
        view.statusText());
    assertEquals("12 bytes", ResultsView.bytes(12));
  }
}
