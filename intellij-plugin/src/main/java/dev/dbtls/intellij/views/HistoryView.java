package dev.dbtls.intellij.views;

import dev.dbtls.protocol.HistoryEntry;
import dev.dbtls.protocol.HistoryResult;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListCellRenderer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The History tab: the queries run (previews, ad-hoc), newest first, found as you type (words in
 * the SQL or the error, as {@code dbt/history} finds them; the entries loaded are filtered at once
 * and the search is handed on for the server's whole history), the selected one's SQL below.
 */
public final class HistoryView extends JPanel {
  private final JTextField search = new JTextField();
  private final DefaultListModel<HistoryEntry> shown = new DefaultListModel<>();
  private final JList<HistoryEntry> list = new JList<>(shown);
  private final JTextArea detail = new JTextArea();
  private List<HistoryEntry> entries = List.of();
  private Consumer<String> onSearch = q -> {};

  public HistoryView() {
    super(new BorderLayout());
    search.putClientProperty("JTextField.placeholderText", "Search the SQL and errors");
    search
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                searched();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                searched();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                searched();
              }
            });
    list.setCellRenderer(new Renderer());
    list.addListSelectionListener(
        e -> {
          HistoryEntry h = list.getSelectedValue();
          detail.setText(
              h == null ? "" : h.sql() + (h.error() == null ? "" : "\n\n-- " + h.error()));
          detail.setCaretPosition(0);
        });
    detail.setEditable(false);
    detail.setLineWrap(true);
    detail.setWrapStyleWord(true);
    detail.setFont(new Font(Font.MONOSPACED, Font.PLAIN, list.getFont().getSize()));
    JPanel top = new JPanel(new BorderLayout(6, 0));
    top.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    top.add(new JLabel("Search:"), BorderLayout.WEST);
    top.add(search, BorderLayout.CENTER);
    JSplitPane split =
        new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(list), new JScrollPane(detail));
    split.setResizeWeight(0.6);
    split.setBorder(BorderFactory.createEmptyBorder());
    add(top, BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);
  }

  /**
   * The search text changed: ask the server ({@code dbt/history} with these words). Called on every
   * keystroke; the glue waits for typing to pause before it sends the request.
   */
  public void onSearch(Consumer<String> action) {
    this.onSearch = action;
  }

  public JTextField searchField() {
    return search;
  }

  public JList<HistoryEntry> entryList() {
    return list;
  }

  public String detailText() {
    return detail.getText();
  }

  public void show(HistoryResult result) {
    entries = result.entries() == null ? List.of() : List.copyOf(result.entries());
    filter();
    if (!shown.isEmpty() && list.getSelectedIndex() < 0) {
      list.setSelectedIndex(0);
    }
  }

  /** Whether every word of {@code query} is in the entry's SQL or error, ignoring case. */
  public static boolean matches(HistoryEntry e, String query) {
    String text = (e.sql() + "\n" + (e.error() == null ? "" : e.error())).toLowerCase(Locale.ROOT);
    for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (!word.isEmpty() && !text.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private void searched() {
    filter();
    onSearch.accept(search.getText().trim());
  }

  private void filter() {
    String q = search.getText();
    List<HistoryEntry> keep = new ArrayList<>();
    for (HistoryEntry e : entries) {
      if (matches(e, q)) {
        keep.add(e);
      }
    }
    shown.clear();
    keep.forEach(shown::addElement);
  }

  /**
   * One entry: how it ended and its SQL's first line, then when, how long, how many rows, where.
   */
  private static final class Renderer extends JLabel implements ListCellRenderer<HistoryEntry> {
    private static final java.util.regex.Pattern CONFIG =
        java.util.regex.Pattern.compile(
            "\\{\\{-?\\s*config\\(.*?\\)\\s*-?}}", java.util.regex.Pattern.DOTALL);

    Renderer() {
      setOpaque(true);
      setBorder(BorderFactory.createEmptyBorder(3, 6, 3, 6));
    }

    @Override
    public Component getListCellRendererComponent(
        JList<? extends HistoryEntry> list,
        HistoryEntry e,
        int index,
        boolean selected,
        boolean focus) {
      setFont(list.getFont());
      setBackground(selected ? list.getSelectionBackground() : list.getBackground());
      setForeground(selected ? list.getSelectionForeground() : list.getForeground());
      boolean failed = e.status() != dev.dbtls.protocol.QueryStatus.OK;
      String mark =
          "<span style='color:"
              + Palette.hex(failed ? Palette.hot() : Palette.good())
              + "'>"
              + (failed ? "✗" : "✓")
              + "</span>";
      String muted = Palette.hex(selected ? list.getSelectionForeground() : Palette.muted());
      String when =
          e.startedAt() == null
              ? ""
              : e.startedAt().replace('T', ' ').replaceAll("\\.\\d+", "").replace("Z", "");
      String rows =
          e.rowCount() == null ? "" : " · " + e.rowCount() + (e.rowCount() == 1 ? " row" : " rows");
      setText(
          "<html>"
              + mark
              + "&nbsp;"
              + ResultsView.escape(firstLine(e.sql()))
              + "<br><span style='color:"
              + muted
              + "'>"
              + ResultsView.escape(
                  when
                      + " · "
                      + Elapsed.format(e.durationMs())
                      + rows
                      + " · "
                      + e.target()
                      + (failed && e.error() != null ? " · " + firstLine(e.error()) : ""))
              + "</span></html>");
      return this;
    }

    /** The first line that says something: not a comment nor a {@code config()} block. */
    private static String firstLine(String sql) {
      for (String line : CONFIG.matcher(sql).replaceAll("").split("\n")) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("--") && !t.equals("{{") && !t.startsWith("{#")) {
          return t.length() > 100 ? t.substring(0, 99) + "…" : t;
        }
      }
      return sql.strip();
    }
  }
}
