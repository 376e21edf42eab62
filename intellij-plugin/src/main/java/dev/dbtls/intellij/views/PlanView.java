package dev.dbtls.intellij.views;

import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.PlanFinding;
import dev.dbtls.protocol.PlanLocation;
import dev.dbtls.protocol.WireEnum;
import java.awt.BorderLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;

/**
 * The Query Plan tab: what was explained, the plan as a tree of steps with their share of the time
 * (hot steps red or orange), and below it the findings with their evidence and the SQL they
 * suggest, then the selected step's details. A double-click on a step traced to the model's source
 * (a ref, source or CTE) jumps there.
 */
public final class PlanView extends JPanel {
  private final JLabel header = new JLabel(" ");
  private final JTree tree = new JTree(new DefaultMutableTreeNode("no plan yet"));
  private final JEditorPane details = new JEditorPane("text/html", "");
  private ExplainResult result;
  private Consumer<PlanLocation> onJump = location -> {};

  public PlanView() {
    super(new BorderLayout());
    tree.setCellRenderer(new PlanStepRenderer());
    tree.setRowHeight(0);
    tree.setRootVisible(true);
    tree.setShowsRootHandles(true);
    tree.addTreeSelectionListener(e -> showDetails());
    tree.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            if (e.getClickCount() == 2) {
              TreePath path = tree.getPathForLocation(e.getX(), e.getY());
              if (path != null) {
                jump(path);
              }
            }
          }
        });
    details.setEditable(false);
    details.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
    header.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    JSplitPane split =
        new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(tree), new JScrollPane(details));
    split.setResizeWeight(0.5);
    split.setBorder(BorderFactory.createEmptyBorder());
    add(header, BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);
  }

  /** A double-click on a step traced to the source: open {@code location.uri()} at its range. */
  public void onJump(Consumer<PlanLocation> action) {
    this.onJump = action;
  }

  public JTree tree() {
    return tree;
  }

  public String headerText() {
    return header.getText();
  }

  /** The findings and details pane as HTML. */
  public String detailsHtml() {
    return details.getText();
  }

  public void show(ExplainResult result) {
    this.result = result;
    PlanTreeModel model = new PlanTreeModel(result);
    tree.setModel(model);
    for (int i = 0; i < tree.getRowCount(); i++) {
      tree.expandRow(i);
    }
    StringBuilder h = new StringBuilder();
    h.append(result.nodeId() == null ? "ad-hoc SQL" : result.nodeId());
    h.append(" · ").append(result.target());
    h.append(result.analyzed() ? " · analyzed (share of time)" : " · estimated (share of cost)");
    h.append(" · ").append(Elapsed.format(result.millis()));
    if (result.error() != null) {
      h.append(" · ").append(result.error().message());
    }
    header.setText(h.toString());
    header.setForeground(result.error() != null ? Palette.hot() : Palette.foreground());
    showDetails();
  }

  private void jump(TreePath path) {
    if (((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject() instanceof PlanStep s
        && s.node().source() != null
        && s.node().source().uri() != null) {
      onJump.accept(s.node().source());
    }
  }

  private void showDetails() {
    if (result == null) {
      return;
    }
    String fg = Palette.hex(Palette.foreground());
    String muted = Palette.hex(Palette.muted());
    StringBuilder html =
        new StringBuilder("<html><body style='font-family:sans-serif;color:" + fg + "'>");
    if (result.findings() == null || result.findings().isEmpty()) {
      html.append("<p style='color:")
          .append(muted)
          .append("'>No findings: nothing in this plan looks wrong.</p>");
    } else {
      for (PlanFinding f : result.findings()) {
        html.append("<p><b style='color:")
            .append(Palette.hex(Palette.hot()))
            .append("'>● </b><b>")
            .append(esc(f.title()))
            .append("</b> <span style='color:")
            .append(muted)
            .append("'>(")
            .append(esc(f.kind() == null ? null : WireEnum.wire(f.kind())))
            .append(", confidence ")
            .append(esc(f.confidence() == null ? null : WireEnum.wire(f.confidence())))
            .append(f.status() == null ? "" : ", " + esc(WireEnum.wire(f.status())))
            .append(")</span></p><ul>");
        if (f.evidence() != null) {
          f.evidence().forEach(e -> html.append("<li>").append(esc(e)).append("</li>"));
        }
        if (f.confidenceReason() != null) {
          html.append("<li style='color:")
              .append(muted)
              .append("'>")
              .append(esc(f.confidenceReason()))
              .append("</li>");
        }
        html.append("</ul>");
        if (f.index() != null) {
          html.append("<p>Suggested:</p><pre>")
              .append(esc(f.index().createSql()))
              .append(";</pre>")
              .append("<p style='color:")
              .append(muted)
              .append("'>Undo: <code>")
              .append(esc(f.index().rollbackSql()))
              .append("</code></p>");
        }
      }
    }
    TreePath selected = tree.getSelectionPath();
    if (selected != null
        && ((DefaultMutableTreeNode) selected.getLastPathComponent()).getUserObject()
            instanceof PlanStep s) {
      html.append("<hr><p><b>").append(esc(s.title())).append("</b></p><ul>");
      if (s.condition() != null) {
        html.append("<li>").append(esc(s.condition())).append("</li>");
      }
      if (!s.figures().isEmpty()) {
        html.append("<li>").append(esc(s.figures())).append("</li>");
      }
      if (s.share() != null) {
        html.append("<li>")
            .append(String.format(Locale.ROOT, "%.1f %%", s.share() * 100))
            .append(" of the plan</li>");
      }
      if (s.node().properties() != null) {
        for (Map.Entry<String, String> p : s.node().properties().entrySet()) {
          html.append("<li>")
              .append(esc(p.getKey()))
              .append(": ")
              .append(esc(p.getValue()))
              .append("</li>");
        }
      }
      if (s.node().source() != null && s.node().source().range() != null) {
        html.append("<li>double-click: line ")
            .append(s.node().source().range().start().line() + 1)
            .append(" of the model</li>");
      }
      html.append("</ul>");
    }
    details.setText(html.append("</body></html>").toString());
    details.setCaretPosition(0);
  }

  private static String esc(String s) {
    return s == null ? "" : ResultsView.escape(s);
  }
}
