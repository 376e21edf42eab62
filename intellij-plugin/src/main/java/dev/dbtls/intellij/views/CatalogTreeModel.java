package dev.dbtls.intellij.views;

import dev.dbtls.protocol.CatalogColumn;
import dev.dbtls.protocol.CatalogNode;
import dev.dbtls.protocol.CatalogRelation;
import dev.dbtls.protocol.CatalogResult;
import dev.dbtls.protocol.WireEnum;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

/**
 * A {@code dbt/catalog} answer as a tree: the target's databases, their schemas, relations (with
 * their kind and the project node that builds or reads them) and typed columns; then the project's
 * nodes that the warehouse does not have yet.
 */
public final class CatalogTreeModel extends DefaultTreeModel {
  public CatalogTreeModel(CatalogResult result) {
    super(new DefaultMutableTreeNode());
    int relations = result.relations() == null ? 0 : result.relations().size();
    DefaultMutableTreeNode root =
        node(
            new CatalogItem(
                CatalogItem.Kind.TARGET,
                "target " + result.target(),
                relations
                    + " relations"
                    + (result.cut() ? ", cut short" : "")
                    + (result.error() != null ? " · " + result.error().message() : ""),
                null,
                null));
    Map<String, DefaultMutableTreeNode> databases = new LinkedHashMap<>();
    Map<String, DefaultMutableTreeNode> schemas = new LinkedHashMap<>();
    if (result.relations() != null) {
      result.relations().stream()
          .sorted(
              Comparator.comparing((CatalogRelation r) -> String.valueOf(r.database()))
                  .thenComparing(r -> String.valueOf(r.schema()))
                  .thenComparing(CatalogRelation::name))
          .forEach(
              r -> {
                DefaultMutableTreeNode db =
                    databases.computeIfAbsent(
                        String.valueOf(r.database()),
                        d -> {
                          DefaultMutableTreeNode n =
                              node(
                                  new CatalogItem(
                                      CatalogItem.Kind.DATABASE, d, "database", null, null));
                          root.add(n);
                          return n;
                        });
                DefaultMutableTreeNode schema =
                    schemas.computeIfAbsent(
                        r.database() + "." + r.schema(),
                        s -> {
                          DefaultMutableTreeNode n =
                              node(
                                  new CatalogItem(
                                      CatalogItem.Kind.SCHEMA, r.schema(), "schema", null, null));
                          db.add(n);
                          return n;
                        });
                String detail =
                    WireEnum.wire(r.kind()) + (r.nodeId() == null ? "" : " · " + r.nodeId());
                DefaultMutableTreeNode relation =
                    node(new CatalogItem(CatalogItem.Kind.RELATION, r.name(), detail, r, null));
                schema.add(relation);
                if (r.columns() != null) {
                  for (CatalogColumn c : r.columns()) {
                    relation.add(
                        node(
                            new CatalogItem(
                                CatalogItem.Kind.COLUMN,
                                c.name(),
                                c.databaseType() == null
                                    ? c.type()
                                    : c.databaseType().toLowerCase(java.util.Locale.ROOT),
                                r,
                                null)));
                  }
                }
              });
    }
    if (result.notBuilt() != null && !result.notBuilt().isEmpty()) {
      DefaultMutableTreeNode group =
          node(
              new CatalogItem(
                  CatalogItem.Kind.NOT_BUILT_GROUP,
                  "not built",
                  result.notBuilt().size() + " nodes of the project",
                  null,
                  null));
      root.add(group);
      for (CatalogNode n : result.notBuilt()) {
        group.add(
            node(
                new CatalogItem(
                    CatalogItem.Kind.NOT_BUILT,
                    n.name(),
                    n.resourceType() + " · would be " + n.schema() + "." + n.identifier(),
                    null,
                    n)));
      }
    }
    setRoot(root);
  }

  private static DefaultMutableTreeNode node(CatalogItem item) {
    return new DefaultMutableTreeNode(item);
  }
}
