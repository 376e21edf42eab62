package dev.dbtls.query;

import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Span;
import dev.dbtls.warehouse.WarehouseCatalog;
import dev.dbtls.warehouse.WarehouseError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The warehouse's relations next to the project: for each relation the model, seed or snapshot that
 * builds it (or else the source that reads it, or nothing: unknown to the project), and the
 * project's models, seeds, snapshots and sources the warehouse does not have (not built). Names
 * match case-insensitively on database, schema and identifier; a relation without a database
 * (SQLite) or a node without one matches on schema and identifier. Nodes in a database the catalog
 * did not read are never "not built": the warehouse could not tell.
 */
public record DatabaseExplorer(
    String target,
    List<Relation> relations,
    List<ProjectNode> notBuilt,
    boolean cut,
    WarehouseError error) {

  /**
   * A warehouse relation and the project node that builds or reads it (null: unknown to the
   * project).
   */
  public record Relation(WarehouseCatalog.Relation relation, ProjectNode node) {
    public boolean known() {
      return node != null;
    }
  }

  /**
   * A project node: {@code resourceType} is model, seed, snapshot or source; {@code builds} is
   * false for a source (it reads the relation); the span is the node's name in {@code displayPath}.
   */
  public record ProjectNode(
      String uniqueId,
      String resourceType,
      String name,
      String database,
      String schema,
      String identifier,
      boolean builds,
      String displayPath,
      Span span) {}

  /** Never throws: a bug leaves the relations unmatched. */
  public static DatabaseExplorer merge(ProjectSnapshot snapshot, WarehouseCatalog catalog) {
    try {
      return build(snapshot, catalog);
    } catch (RuntimeException e) {
      return new DatabaseExplorer(
          catalog.target(),
          catalog.relations().stream().map(r -> new Relation(r, null)).toList(),
          List.of(),
          catalog.cut(),
          catalog.error());
    }
  }

  static DatabaseExplorer build(ProjectSnapshot snapshot, WarehouseCatalog catalog) {
    // schema.identifier -> nodes with that relation; builders first
    Map<String, List<Node>> byName = new HashMap<>();
    List<Node> warehouseNodes =
        snapshot.manifest().nodes().values().stream()
            .filter(DatabaseExplorer::inWarehouse)
            .sorted(
                Comparator.comparing((Node n) -> n.type() == ResourceType.SOURCE)
                    .thenComparing(Node::uniqueId))
            .toList();
    for (Node n : warehouseNodes) {
      byName
          .computeIfAbsent(
              key(n.relation().schema(), n.relation().identifier()), k -> new ArrayList<>())
          .add(n);
    }
    List<Relation> relations = new ArrayList<>();
    Set<String> found = new HashSet<>();
    for (WarehouseCatalog.Relation r : catalog.relations()) {
      Node match = null;
      for (Node n : byName.getOrDefault(key(r.schema(), r.name()), List.of())) {
        if (sameDatabase(n.relation().database(), r.database())) {
          found.add(n.uniqueId());
          match = match == null ? n : match;
        }
      }
      relations.add(new Relation(r, match == null ? null : node(match)));
    }
    List<ProjectNode> notBuilt = new ArrayList<>();
    if (catalog.ok() && !catalog.cut()) {
      Set<String> databases = new HashSet<>();
      catalog.databases().forEach(d -> databases.add(lower(d.name())));
      // the target's own database is read even when it holds nothing yet (a fresh project)
      var target = snapshot.inputs().target();
      if (target != null && target.database() != null) {
        databases.add(lower(target.database()));
      }
      for (Node n : warehouseNodes) {
        String db = lower(n.relation().database());
        boolean readable = db.isEmpty() || databases.contains(db) || databases.contains("");
        if (!found.contains(n.uniqueId()) && readable) {
          notBuilt.add(node(n));
        }
      }
    }
    return new DatabaseExplorer(
        catalog.target(),
        List.copyOf(relations),
        List.copyOf(notBuilt),
        catalog.cut(),
        catalog.error());
  }

  /** Models (not ephemeral), seeds, snapshots and sources: the nodes that are relations. */
  static boolean inWarehouse(Node n) {
    RelationName r = n.relation();
    if (r == null || r.identifier() == null || r.schema() == null || !n.enabled()) {
      return false;
    }
    return switch (n.type()) {
      case MODEL -> !"ephemeral".equals(n.materialized());
      case SEED, SNAPSHOT, SOURCE -> true;
      default -> false;
    };
  }

  private static ProjectNode node(Node n) {
    RelationName r = n.relation();
    return new ProjectNode(
        n.uniqueId(),
        n.type().dbtName(),
        n.name(),
        r.database(),
        r.schema(),
        r.identifier(),
        n.type() != ResourceType.SOURCE,
        n.displayPath(),
        n.span());
  }

  static boolean sameDatabase(String node, String warehouse) {
    return lower(node).isEmpty()
        || lower(warehouse).isEmpty()
        || lower(node).equals(lower(warehouse));
  }

  static String key(String schema, String identifier) {
    return lower(schema) + "\u0000" + lower(identifier);
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  /**
   * The columns of every relation a node builds or reads, by its unique id, as a {@code Catalog}.
   */
  public dev.dbtls.index.Catalog columnsByNode() {
    java.util.Map<String, java.util.List<dev.dbtls.index.Catalog.Column>> out =
        new java.util.HashMap<>();
    for (Relation r : relations) {
      if (r.node() != null) {
        java.util.List<dev.dbtls.index.Catalog.Column> cols = new java.util.ArrayList<>();
        int i = 1;
        for (var c : r.relation().columns()) {
          cols.add(new dev.dbtls.index.Catalog.Column(c.name(), c.databaseType(), i++, null));
        }
        out.put(r.node().uniqueId(), java.util.List.copyOf(cols));
      }
    }
    return dev.dbtls.index.Catalog.of(out);
  }
}
