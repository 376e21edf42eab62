package dev.dbtls.intellij.views;

import dev.dbtls.protocol.RunNode;
import dev.dbtls.protocol.RunResult;
import dev.dbtls.protocol.RunStatus;
import dev.dbtls.protocol.RunSummary;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * The Run tab: dbt build / run / test started from the editor, newest first on the left; the
 * selected run's nodes on the right as they run (status, node, kind, the database's response or
 * dbt's message, time), its line of dbt's counts once done, Cancel while it runs; a double click
 * opens a node's file.
 */
public final class RunView extends JPanel {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MMM d HH:mm");

  /** One run as the tab knows it. */
  static final class Entry {
    final String key;
    final String title;
    final String started;
    final Map<String, RunNode> nodes = new LinkedHashMap<>();
    RunResult result;
    String error;

    Entry(String key, String title) {
      this(key, title, LocalTime.now().format(CLOCK));
    }

    Entry(String key, String title, String started) {
      this.key = key;
      this.title = title;
      this.started = started;
    }

    boolean running() {
      return result == null && error == null;
    }

    String summary() {
      if (error != null) {
        return error;
      }
      if (result == null) {
        long done = nodes.values().stream().filter(n -> n.status() != RunStatus.RUNNING).count();
        int total = nodes.values().stream().mapToInt(RunNode::total).findFirst().orElse(0);
        return "running" + (total > 0 ? " " + done + " of " + total : "");
      }
      return String.format(
          Locale.ROOT,
          "Done. PASS=%d WARN=%d ERROR=%d SKIP=%d TOTAL=%d in %.2fs",
          result.pass(),
          result.warn(),
          result.errors(),
          result.skip(),
          result.results() == null ? 0 : result.results().size(),
          result.seconds());
    }
  }

  private final DefaultListModel<Entry> runs = new DefaultListModel<>();
  private final JList<Entry> list = new JList<>(runs);
  private final Nodes nodes = new Nodes();
  private final JTable table = new JTable(nodes);
  private final JLabel header = new JLabel(" ");
  private final JButton cancel = new JButton("Cancel");
  private Consumer<String> onCancel = k -> {};
  private Consumer<RunNode> onOpen = n -> {};

  public RunView() {
    super(new BorderLayout());
    list.setCellRenderer(new RunRenderer());
    list.addListSelectionListener(e -> shown());
    table.setAutoCreateRowSorter(false);
    table.setFillsViewportHeight(true);
    table.getColumnModel().getColumn(0).setCellRenderer(new StatusRenderer());
    table.getColumnModel().getColumn(0).setPreferredWidth(70);
    table.getColumnModel().getColumn(1).setPreferredWidth(220);
    table.getColumnModel().getColumn(2).setPreferredWidth(60);
    table.getColumnModel().getColumn(3).setPreferredWidth(320);
    table.getColumnModel().getColumn(4).setPreferredWidth(60);
    table.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            int row = table.rowAtPoint(e.getPoint());
            if (e.getClickCount() == 2 && row >= 0) {
              onOpen.accept(nodes.rows.get(row));
            }
          }
        });
    cancel.setEnabled(false);
    cancel.addActionListener(
        e -> {
          Entry r = list.getSelectedValue();
          if (r != null && r.running()) {
            onCancel.accept(r.key);
          }
        });
    JPanel top = new JPanel(new BorderLayout());
    top.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    top.add(header, BorderLayout.CENTER);
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
    buttons.add(cancel);
    top.add(buttons, BorderLayout.EAST);
    JPanel right = new JPanel(new BorderLayout());
    right.add(top, BorderLayout.NORTH);
    right.add(new JScrollPane(table), BorderLayout.CENTER);
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(list), right);
    split.setResizeWeight(0.3);
    split.setBorder(BorderFactory.createEmptyBorder());
    add(split, BorderLayout.CENTER);
  }

  /** A run started: it is shown at the top, selected. */
  public void started(String key, String title) {
    runs.add(0, new Entry(key, title));
    while (runs.size() > 20) {
      runs.remove(runs.size() - 1);
    }
    list.setSelectedIndex(0);
    shown();
  }

  /**
   * Earlier runs from the server's run history (dbt/runs: earlier sessions, the command line), each
   * with its nodes, below this session's runs; a run already shown is left as it is.
   */
  public void earlier(List<RunSummary> history) {
    for (RunSummary h : history) {
      if (h.runId() == null || find(h.runId()) != null) {
        continue;
      }
      String when =
          h.startedAt() == null
              ? ""
              : java.time.OffsetDateTime.parse(h.startedAt())
                  .atZoneSameInstant(java.time.ZoneId.systemDefault())
                  .format(EARLIER);
      Entry e =
          new Entry(
              h.runId(),
              "dbt " + h.command() + (h.target() == null ? "" : " on " + h.target()),
              when);
      List<RunNode> ended = h.nodes() == null ? List.of() : h.nodes();
      ended.stream().filter(n -> n.uniqueId() != null).forEach(n -> e.nodes.put(n.uniqueId(), n));
      e.result =
          new RunResult(
              h.runId(),
              h.command(),
              ended,
              h.pass(),
              h.warn(),
              h.errors(),
              h.skip(),
              h.seconds(),
              null,
              null);
      e.error = h.error();
      runs.addElement(e);
    }
    while (runs.size() > 40) {
      runs.remove(runs.size() - 1);
    }
    if (list.getSelectedIndex() < 0 && !runs.isEmpty()) {
      list.setSelectedIndex(0);
    }
    shown();
  }

  /** A node of run {@code key} started or ended (from dbt/runProgress or the answer). */
  public void progress(String key, RunNode n) {
    Entry r = find(key);
    if (r == null || n.uniqueId() == null) {
      return;
    }
    RunNode before = r.nodes.get(n.uniqueId());
    if (before != null && before.status() != RunStatus.RUNNING && n.status() == RunStatus.RUNNING) {
      return;
    }
    r.nodes.put(n.uniqueId(), n);
    changed(r);
  }

  /** The run's answer: its nodes' ends and dbt's counts (or why it did not run). */
  public void finished(String key, RunResult result) {
    Entry r = find(key);
    if (r == null) {
      return;
    }
    if (result.results() != null) {
      result.results().forEach(n -> progress(key, n));
    }
    if (result.error() != null) {
      r.error = result.error().message() != null ? result.error().message() : result.error().code();
    }
    r.result = result;
    changed(r);
  }

  /** The run failed as a request (cancelled, the server gone): says why. */
  public void failed(String key, String message) {
    Entry r = find(key);
    if (r != null) {
      r.error = message;
      changed(r);
    }
  }

  public void onCancel(Consumer<String> listener) {
    this.onCancel = listener;
  }

  public void onOpen(Consumer<RunNode> listener) {
    this.onOpen = listener;
  }

  private Entry find(String key) {
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).key.equals(key)) {
        return runs.get(i);
      }
    }
    return null;
  }

  private void changed(Entry r) {
    int i = runs.indexOf(r);
    if (i >= 0) {
      runs.set(i, r);
    }
    if (list.getSelectedValue() == r) {
      shown();
    }
  }

  private void shown() {
    Entry r = list.getSelectedValue();
    nodes.show(r == null ? List.of() : new ArrayList<>(r.nodes.values()));
    header.setText(r == null ? " " : r.title + " — " + r.summary());
    cancel.setEnabled(r != null && r.running());
  }

  /** The rows of the selected run, for tests. */
  List<String> rowsText() {
    List<String> out = new ArrayList<>();
    for (int row = 0; row < nodes.getRowCount(); row++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < nodes.getColumnCount(); c++) {
        cells.add(String.valueOf(nodes.getValueAt(row, c)));
      }
      out.add(String.join(" | ", cells));
    }
    return out;
  }

  String headerText() {
    return header.getText();
  }

  boolean cancelEnabled() {
    return cancel.isEnabled();
  }

  /** The selected run's nodes as a table. */
  private static final class Nodes extends AbstractTableModel {
    private static final String[] COLUMNS = {"Status", "Node", "Kind", "Message", "Time"};
    private List<RunNode> rows = List.of();

    void show(List<RunNode> nodes) {
      rows = nodes;
      fireTableDataChanged();
    }

    @Override
    public int getRowCount() {
      return rows.size();
    }

    @Override
    public int getColumnCount() {
      return COLUMNS.length;
    }

    @Override
    public String getColumnName(int c) {
      return COLUMNS[c];
    }

    @Override
    public Object getValueAt(int row, int c) {
      RunNode n = rows.get(row);
      return switch (c) {
        case 0 -> n.status().name().toLowerCase(Locale.ROOT);
        case 1 -> n.name();
        case 2 -> n.resourceType() == null ? "" : n.resourceType();
        case 3 -> n.message() == null ? "" : n.message().replaceAll("\\s+", " ");
        default ->
            n.seconds() == null || n.status() == RunStatus.SKIPPED
                ? ""
                : String.format(Locale.ROOT, "%.2fs", n.seconds());
      };
    }
  }

  /** A status in its color: green built or passed, red failed, amber warned, grey skipped. */
  private static final class StatusRenderer extends DefaultTableCellRenderer {
    @Override
    public Component getTableCellRendererComponent(
        JTable t, Object value, boolean selected, boolean focus, int row, int column) {
      super.getTableCellRendererComponent(t, value, selected, focus, row, column);
      if (!selected) {
        setForeground(color(String.valueOf(value)));
      }
      return this;
    }
  }

  static Color color(String status) {
    return switch (status) {
      case "success", "pass" -> Palette.good();
      case "fail", "error" -> Palette.hot();
      case "warn" -> Palette.warm();
      case "skipped" -> Palette.muted();
      default -> Palette.foreground();
    };
  }

  /** A run: its title, then when it started and how it stands. */
  private static final class RunRenderer extends DefaultListCellRenderer {
    @Override
    public Component getListCellRendererComponent(
        JList<?> l, Object value, int index, boolean selected, boolean focus) {
      Entry r = (Entry) value;
      String state =
          r.running()
              ? "running"
              : r.error != null || r.result != null && r.result.errors() > 0 ? "failed" : "done";
      super.getListCellRendererComponent(
          l,
          "<html><b>"
              + escape(r.title)
              + "</b><br><span style='color:"
              + Palette.hex(Palette.muted())
              + "'>"
              + r.started
              + " · "
              + escape(r.summary())
              + "</span></html>",
          index,
          selected,
          focus);
      if (!selected && state.equals("failed")) {
        setForeground(Palette.hot());
      }
      setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
      return this;
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }
}
