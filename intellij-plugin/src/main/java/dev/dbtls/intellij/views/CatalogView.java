package dev.dbtls.intellij.views;

import dev.dbtls.protocol.CatalogResult;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Consumer;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.TreePath;

/**
 * The Database explorer: the warehouse of the project's target as a tree, schemas and relations
 * expanded, columns on demand, then the project's nodes not built yet; a double-click on a relation
 * or an unbuilt node opens the file of the node behind it.
 */
public final class CatalogView extends JPanel {
  private final JTree tree = new JTree(new DefaultMutableTreeNode("no catalog yet"));
  private Consumer<CatalogItem> onOpen = item -> {};

  public CatalogView() {
    super(new BorderLayout());
    tree.setCellRenderer(new Renderer());
    tree.setShowsRootHandles(true);
    tree.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            TreePath path = tree.getPathForLocation(e.getX(), e.getY());
            if (e.getClickCount() == 2
                && path != null
                && ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject()
                    instanceof CatalogItem item
                && item.uri() != null) {
              onOpen.accept(item);
            }
          }
        });
    add(new JScrollPane(tree), BorderLayout.CENTER);
  }

  /** A double-click on a relation or unbuilt node with a file: open it. */
  public void onOpen(Consumer<CatalogItem> action) {
    this.onOpen = action;
  }

  public JTree tree() {
    return tree;
  }

  /** Shows the catalog with every database and schema open (relations' columns stay closed). */
  public void show(CatalogResult result) {
    tree.setModel(new CatalogTreeModel(result));
    for (int i = 0; i < tree.getRowCount(); i++) {
      TreePath p = tree.getPathForRow(i);
      CatalogItem item =
          (CatalogItem) ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject();
      if (item.kind() != CatalogItem.Kind.RELATION) {
        tree.expandRow(i);
      }
    }
  }

  /** Opens one relation's columns (as a click on its handle would). */
  public void expandRelation(String name) {
    for (int i = 0; i < tree.getRowCount(); i++) {
      Object o =
          ((DefaultMutableTreeNode) tree.getPathForRow(i).getLastPathComponent()).getUserObject();
      if (o instanceof CatalogItem item
          && item.kind() == CatalogItem.Kind.RELATION
          && item.name().equals(name)) {
        tree.expandRow(i);
        return;
      }
    }
  }

  /** The name, then its kind or type muted. */
  private static final class Renderer extends DefaultTreeCellRenderer {
    @Override
    public Component getTreeCellRendererComponent(
        JTree tree,
        Object value,
        boolean selected,
        boolean expanded,
        boolean leaf,
        int row,
        boolean focus) {
      super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, focus);
      if (((DefaultMutableTreeNode) value).getUserObject() instanceof CatalogItem item) {
        String muted = Palette.hex(selected ? getTextSelectionColor() : Palette.muted());
        boolean strong =
            item.kind() == CatalogItem.Kind.RELATION || item.kind() == CatalogItem.Kind.TARGET;
        setText(
            "<html>"
                + (strong ? "<b>" : "")
                + ResultsView.escape(item.name())
                + (strong ? "</b>" : "")
                + (item.detail() == null
                    ? ""
                    : "&nbsp;&nbsp;<span style='color:"
                        + muted
                        + "'>"
                        + ResultsView.escape(item.detail())
                        + "</span>")
                + "</html>");
      }
      return this;
    }
  }
}
