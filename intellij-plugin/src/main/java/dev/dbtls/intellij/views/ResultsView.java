package dev.dbtls.intellij.views;

import dev.dbtls.protocol.PreviewError;
import dev.dbtls.protocol.PreviewPage;
import dev.dbtls.protocol.PreviewResult;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.FontMetrics;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;

/**
 * The Results tab: the grid of a preview with typed column headers, "Load more" while the server
 * has more rows, Cancel while the query runs, Export, the time it took (counting while it runs),
 * and the selected cell whole below the grid (long text, JSON indented).
 */
public final class ResultsView extends JPanel {
  private final ResultsTableModel model = new ResultsTableModel();
  private final JTable table = new JTable(model);
  private final JLabel status = new JLabel(" ");

  /** What the warehouse's dry run said the query scans (BigQuery); null elsewhere. */
  private Long scanned;

  private final JButton cancel = new JButton("Cancel");
  private final JButton loadMore = new JButton("Load more");
  private final JButton export = new JButton("Export…");
  private final JTextArea detail = new JTextArea();
  private final Elapsed elapsed;
  private final Timer ticker;
  private String what = "preview";
  private PreviewError error;
  private Consumer<String> onLoadMore = cursor -> {};
  private Runnable onCancel = () -> {};
  private Runnable onExport = () -> {};

  public ResultsView() {
    this(new Elapsed());
  }

  /** With its own clock, for tests. */
  public ResultsView(Elapsed elapsed) {
    super(new BorderLayout());
    this.elapsed = elapsed;
    this.ticker = new Timer(100, e -> updateStatus());
    JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
    bar.add(status);
    bar.add(cancel);
    bar.add(loadMore);
    bar.add(export);
    cancel.addActionListener(e -> onCancel.run());
    loadMore.addActionListener(
        e -> {
          if (model.hasMore()) {
            loadMore.setEnabled(false);
            onLoadMore.accept(model.cursor());
          }
        });
    export.addActionListener(e -> onExport.run());
    table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
    table.setCellSelectionEnabled(true);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setDefaultRenderer(String.class, new CellRenderer());
    table
        .getTableHeader()
        .setDefaultRenderer(new HeaderRenderer(table.getTableHeader().getDefaultRenderer()));
    table.getSelectionModel().addListSelectionListener(e -> showSelected());
    table.getColumnModel().getSelectionModel().addListSelectionListener(e -> showSelected());
    detail.setEditable(false);
    detail.setLineWrap(true);
    detail.setFont(new Font(Font.MONOSPACED, Font.PLAIN, table.getFont().getSize()));
    detail.setRows(4);
    JScrollPane grid = new JScrollPane(table);
    grid.setColumnHeaderView(
        table.getTableHeader()); // as JTable.addNotify does; also when painted offscreen
    JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, grid, new JScrollPane(detail));
    split.setResizeWeight(0.8);
    split.setBorder(BorderFactory.createEmptyBorder());
    add(bar, BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);
    buttons();
  }

  public ResultsTableModel model() {
    return model;
  }

  public JTable table() {
    return table;
  }

  /** The status line as shown ("200 rows · more to load · 48 ms"). */
  public String statusText() {
    return status.getText();
  }

  public JButton cancelButton() {
    return cancel;
  }

  public JButton loadMoreButton() {
    return loadMore;
  }

  public JButton exportButton() {
    return export;
  }

  public String detailText() {
    return detail.getText();
  }

  /** "Load more" asks the server for the page after {@code cursor} ({@code dbt/previewPage}). */
  public void onLoadMore(Consumer<String> action) {
    this.onLoadMore = action;
  }

  /** Cancel cancels the running request (LSP4J: cancel its future, which sends $/cancelRequest). */
  public void onCancel(Runnable action) {
    this.onCancel = action;
  }

  /** Export asks where to and sends {@code dbt/export}. */
  public void onExport(Runnable action) {
    this.onExport = action;
  }

  /** A preview of {@code what} was sent: the clock runs and Cancel is on. */
  public void running(String what) {
    this.what = what;
    this.error = null;
    elapsed.start();
    ticker.start();
    buttons();
    updateStatus();
  }

  /** The answer came: its grid; the clock stops. */
  public void show(PreviewResult result) {
    stopClock();
    error = result.error();
    scanned = result.bytesScanned();
    model.show(result);
    sizeColumns();
    detail.setText(
        error != null ? error.message() : result.compiledSql() == null ? "" : result.compiledSql());
    buttons();
    updateStatus();
  }

  /** The next page came. */
  public void append(PreviewPage page) {
    if (page.error() != null) {
      error = page.error();
      detail.setText(page.error().message());
    }
    model.append(page);
    buttons();
    updateStatus();
  }

  /** The request was cancelled, or failed before an answer. */
  public void stopped(String why) {
    stopClock();
    error = new PreviewError("cancelled", why);
    buttons();
    updateStatus();
  }

  private void stopClock() {
    elapsed.stop();
    ticker.stop();
  }

  private void buttons() {
    cancel.setEnabled(elapsed.running());
    loadMore.setEnabled(!elapsed.running() && model.hasMore());
    export.setEnabled(!elapsed.running() && model.getColumnCount() > 0);
  }

  private void updateStatus() {
    String time = Elapsed.format(elapsed.millis());
    if (elapsed.running()) {
      status.setText("Running " + what + "… " + time);
      status.setForeground(Palette.foreground());
    } else if (error != null) {
      status.setText(what + ": " + error.message() + " · " + time);
      status.setForeground(Palette.hot());
    } else {
      int rows = model.getRowCount();
      status.setText(
          what
              + " · "
              + rows
              + (rows == 1 ? " row" : " rows")
              + (model.hasMore()
                  ? " · more to load"
                  : model.truncated() ? " · cut at the row limit" : "")
              + " · "
              + model.getColumnCount()
              + " columns · "
              + (scanned != null ? "scanned " + bytes(scanned) + " · " : "")
              + time);
      status.setForeground(Palette.foreground());
    }
  }

  /** Bytes as the server words them: decimal units, one digit after the point. */
  static String bytes(long n) {
    String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    double v = n;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? n + " bytes" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private void showSelected() {
    int row = table.getSelectedRow();
    int column = table.getSelectedColumn();
    if (row >= 0 && column >= 0) {
      Object v =
          model.value(table.convertRowIndexToModel(row), table.convertColumnIndexToModel(column));
      detail.setText(CellText.detail(v));
      detail.setCaretPosition(0);
    }
  }

  /** Each column as wide as its header and its widest value in the first rows, within limits. */
  private void sizeColumns() {
    FontMetrics fm = table.getFontMetrics(table.getFont());
    java.awt.Font headerFont = table.getTableHeader().getFont();
    FontMetrics bold =
        table.getFontMetrics(
            (headerFont == null ? table.getFont() : headerFont).deriveFont(Font.BOLD));
    for (int c = 0; c < model.getColumnCount(); c++) {
      int width =
          Math.max(
              bold.stringWidth(model.getColumnName(c)),
              fm.stringWidth(String.valueOf(model.column(c).type())));
      for (int r = 0; r < Math.min(model.getRowCount(), 100); r++) {
        width = Math.max(width, fm.stringWidth((String) model.getValueAt(r, c)));
      }
      TableColumn column = table.getColumnModel().getColumn(c);
      column.setPreferredWidth(Math.min(Math.max(width + 36, 48), 320));
    }
    table.setRowHeight(Math.max(table.getRowHeight(), fm.getHeight() + 4));
  }

  private final class CellRenderer extends DefaultTableCellRenderer {
    @Override
    public Component getTableCellRendererComponent(
        JTable t, Object value, boolean selected, boolean focus, int row, int column) {
      super.getTableCellRendererComponent(t, value, selected, focus, row, column);
      int c = t.convertColumnIndexToModel(column);
      Object raw = model.value(t.convertRowIndexToModel(row), c);
      setHorizontalAlignment(model.numeric(c) ? SwingConstants.RIGHT : SwingConstants.LEFT);
      if (raw == null && !selected) {
        setForeground(Palette.muted());
      } else if (!selected) {
        setForeground(t.getForeground());
      }
      setToolTipText(CellText.hasDetail(raw) ? "Select the cell to see it whole below" : null);
      return this;
    }
  }

  /** The column's name over its type, in the look and feel's header, the type muted. */
  private final class HeaderRenderer implements TableCellRenderer {
    private final TableCellRenderer base;

    HeaderRenderer(TableCellRenderer base) {
      this.base = base;
    }

    @Override
    public Component getTableCellRendererComponent(
        JTable t, Object value, boolean selected, boolean focus, int row, int column) {
      int c = t.convertColumnIndexToModel(column);
      String html =
          "<html><b>"
              + escape(model.getColumnName(c))
              + "</b><br><span style='color:"
              + Palette.hex(Palette.muted())
              + "'>"
              + escape(String.valueOf(model.column(c).type()))
              + "</span></html>";
      Component comp = base.getTableCellRendererComponent(t, html, selected, focus, row, column);
      if (comp instanceof JLabel label) {
        label.setHorizontalAlignment(model.numeric(c) ? SwingConstants.RIGHT : SwingConstants.LEFT);
        label.setToolTipText(model.column(c).databaseType());
      }
      return comp;
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
