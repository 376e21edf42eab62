package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.Selector;
import dev.dbtls.index.SourceCall;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity-relationship diagram of a selection of nodes ({@code dbt/erd}): each model, seed,
 * snapshot or source with its columns ({@link NodeColumns}), and the relationships the project
 * declares — {@code relationships} data tests ({@code column} of the tested model refers to {@code
 * field} of {@code to}) and {@code foreign_key} constraints on columns ({@code to:} and {@code
 * to_columns:}, or {@code expression: "table (column)"}) — and the foreign keys the warehouse
 * declares, which the caller read ({@link WarehouseKeys}: no IO here). Relationships to nodes
 * outside the selection are kept, their entity listed without columns. Declarations of the same
 * column-to-column edge are one relationship naming every source.
 */
public final class EntityRelationships {
  private EntityRelationships() {}

  /** A node of the diagram; {@code columns} empty for one outside the selection. */
  public record Entity(
      String nodeId,
      String name,
      String resourceType,
      String displayPath,
      boolean selected,
      List<NodeColumns.Column> columns) {}

  /** Who declares a relationship, in the order {@link Relationship#sources()} lists them. */
  public static final List<String> SOURCES =
      List.of("relationships_test", "foreign_key_constraint", "warehouse_foreign_key");

  /**
   * {@code fromNode.fromColumn} refers to {@code toNode.toColumn}; {@code sources} say who says so
   * (in {@link #SOURCES} order); {@code constraint} is the warehouse's name of the key (null when
   * no warehouse key says so): the edges of one composite key share it.
   */
  public record Relationship(
      String fromNode,
      String fromColumn,
      String toNode,
      String toColumn,
      List<String> sources,
      String constraint) {
    public Relationship(
        String fromNode, String fromColumn, String toNode, String toColumn, String source) {
      this(fromNode, fromColumn, toNode, toColumn, List.of(source), null);
    }

    /** The first of {@link #sources}. */
    public String source() {
      return sources.get(0);
    }
  }

  /**
   * The warehouse's foreign keys as relationships between nodes (one per column pair), and, when
   * they could not be read, why in one line ({@code message}).
   */
  public record WarehouseKeys(List<Relationship> keys, String message) {
    public static final WarehouseKeys NONE = new WarehouseKeys(List.of(), null);

    public static WarehouseKeys unread(String why) {
      return new WarehouseKeys(List.of(), why);
    }
  }

  public record Erd(
      String message, List<Entity> entities, List<Relationship> relationships, boolean truncated) {}

  private static final Pattern FK_EXPRESSION =
      Pattern.compile("^\\s*([\\w.\"`]+)\\s*\\(\\s*([\\w\"`]+)\\s*\\)\\s*$");

  static Erd find(dev.dbtls.index.compile.ProjectSnapshot s, List<String> select, int maxNodes) {
    return find(s, select, maxNodes, WarehouseKeys.NONE);
  }

  static Erd find(
      dev.dbtls.index.compile.ProjectSnapshot s,
      List<String> select,
      int maxNodes,
      WarehouseKeys warehouse) {
    Manifest m = s.manifest();
    Set<String> chosen;
    if (select == null || select.isEmpty()) {
      chosen = new LinkedHashSet<>();
      m.nodes().values().stream()
          .filter(
              n ->
                  n.type() == ResourceType.MODEL
                      && n.packageName().equals(m.inputs().root().name()))
          .forEach(n -> chosen.add(n.uniqueId()));
    } else {
      Selector selector = new Selector(m);
      chosen = new LinkedHashSet<>(selector.select(select, List.of()));
      if (!selector.problems().isEmpty()) {
        return new Erd(selector.problems().get(0).message(), List.of(), List.of(), false);
      }
      if (chosen.isEmpty()) { // dbt's words for a selection that picks nothing
        return new Erd(
            "The selection criterion '"
                + String.join(" ", select)
                + "' does not match any enabled nodes",
            List.of(),
            List.of(),
            false);
      }
    }
    chosen.removeIf(id -> !hasColumns(m.nodes().get(id)));
    boolean truncated = chosen.size() > maxNodes;
    List<String> ids = chosen.stream().sorted().limit(maxNodes).toList();
    Set<String> inDiagram = new LinkedHashSet<>(ids);
    List<Relationship> rels = new ArrayList<>();
    for (Node t : m.nodes().values()) {
      if (t.type() != ResourceType.TEST || !"relationships".equals(t.extra().get("test_name"))) {
        continue;
      }
      String from = String.valueOf(t.extra().get("attached_node"));
      Object column = t.extra().get("column_name");
      Map<?, ?> kwargs = t.extra().get("kwargs") instanceof Map<?, ?> k ? k : Map.of();
      Optional<Node> to = target(m, t);
      if (column == null
          || to.isEmpty()
          || !(inDiagram.contains(from) || inDiagram.contains(to.get().uniqueId()))) {
        continue;
      }
      rels.add(
          new Relationship(
              from,
              String.valueOf(column),
              to.get().uniqueId(),
              String.valueOf(kwargs.get("field")),
              "relationships_test"));
    }
    for (String id : ids) {
      Node n = m.nodes().get(id);
      for (ColumnSpec c : n.columns()) {
        for (Object constraint : c.constraints() == null ? List.of() : c.constraints()) {
          foreignKey(m, n, c, constraint).ifPresent(rels::add);
        }
      }
    }
    for (Relationship k : warehouse == null ? List.<Relationship>of() : warehouse.keys()) {
      if (inDiagram.contains(k.fromNode()) || inDiagram.contains(k.toNode())) {
        rels.add(k);
      }
    }
    rels = merged(rels);
    Map<String, Entity> entities = new LinkedHashMap<>();
    Catalog catalog = ProjectCatalog.of(s);
    for (String id : ids) {
      Node n = m.nodes().get(id);
      entities.put(
          id,
          new Entity(
              id,
              n.name(),
              n.type().dbtName(),
              n.displayPath(),
              true,
              NodeColumns.of(s, catalog, n)));
    }
    for (Relationship r : rels) {
      for (String id : List.of(r.fromNode(), r.toNode())) {
        Node n = m.nodes().get(id);
        if (n != null && !entities.containsKey(id)) {
          entities.put(
              id, new Entity(id, n.name(), n.type().dbtName(), n.displayPath(), false, List.of()));
        }
      }
    }
    return new Erd(
        warehouse == null ? null : warehouse.message(),
        new ArrayList<>(entities.values()),
        rels,
        truncated);
  }

  /**
   * One relationship per column-to-column edge, naming all its sources: columns compare
   * case-insensitively, and a constraint that does not name the column it refers to is the same
   * edge as a declaration that does (which names it).
   */
  static List<Relationship> merged(List<Relationship> rels) {
    List<Relationship> out = new ArrayList<>();
    // the positions in `out` of the relationships from one column to one node
    Map<String, List<Integer>> byEnds = new java.util.HashMap<>();
    for (Relationship r : rels) {
      List<Integer> candidates =
          byEnds.computeIfAbsent(
              r.fromNode()
                  + "\u0000"
                  + r.fromColumn().toLowerCase(java.util.Locale.ROOT)
                  + "\u0000"
                  + r.toNode(),
              k -> new ArrayList<>());
      int same = -1;
      for (int i : candidates) {
        Relationship o = out.get(i);
        if (o.toColumn() == null
            || r.toColumn() == null
            || o.toColumn().equalsIgnoreCase(r.toColumn())) {
          same = i;
          break;
        }
      }
      if (same < 0) {
        candidates.add(out.size());
        out.add(r);
        continue;
      }
      Relationship o = out.get(same);
      Set<String> sources = new LinkedHashSet<>(o.sources());
      sources.addAll(r.sources());
      out.set(
          same,
          new Relationship(
              o.fromNode(),
              o.fromColumn(),
              o.toNode(),
              o.toColumn() != null ? o.toColumn() : r.toColumn(),
              SOURCES.stream().filter(sources::contains).toList(),
              o.constraint() != null ? o.constraint() : r.constraint()));
    }
    return out;
  }

  private static boolean hasColumns(Node n) {
    return n != null
        && (n.type() == ResourceType.MODEL
            || n.type() == ResourceType.SEED
            || n.type() == ResourceType.SNAPSHOT
            || n.type() == ResourceType.SOURCE);
  }

  /** The node a relationships test's {@code to} names. */
  private static Optional<Node> target(Manifest m, Node test) {
    for (RefCall r : test.refs()) {
      Optional<Node> n = m.resolveRef(test.packageName(), r);
      if (n.isPresent()) {
        return n;
      }
    }
    for (SourceCall sc : test.sources()) {
      Optional<Node> n = m.resolveSource(test.packageName(), sc.sourceName(), sc.tableName());
      if (n.isPresent()) {
        return n;
      }
    }
    return Optional.empty();
  }

  /**
   * A column's {@code foreign_key} constraint: {@code to: ref('x')}, {@code to_columns: [id]}, or
   * an expression.
   */
  private static Optional<Relationship> foreignKey(
      Manifest m, Node n, ColumnSpec c, Object constraint) {
    if (!(constraint instanceof Map<?, ?> map)
        || !"foreign_key".equals(String.valueOf(map.get("type")))) {
      return Optional.empty();
    }
    String column = NodeColumns.unquoted(c.name());
    if (map.get("to") instanceof String to) {
      dev.dbtls.index.YamlDependency d = dev.dbtls.index.YamlDependency.of(to);
      Optional<Node> target =
          d.refs().stream()
              .map(r -> m.resolveRef(n.packageName(), r))
              .flatMap(Optional::stream)
              .findFirst()
              .or(
                  () ->
                      d.sources().stream()
                          .map(
                              sc ->
                                  m.resolveSource(n.packageName(), sc.sourceName(), sc.tableName()))
                          .flatMap(Optional::stream)
                          .findFirst());
      Object cols = map.get("to_columns");
      String toColumn = cols instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : null;
      return target.map(
          t ->
              new Relationship(
                  n.uniqueId(), column, t.uniqueId(), toColumn, "foreign_key_constraint"));
    }
    if (map.get("expression") instanceof String expr) {
      Matcher x = FK_EXPRESSION.matcher(expr);
      if (x.matches()) {
        String table = x.group(1).replace("\"", "").replace("`", "");
        String last = table.substring(table.lastIndexOf('.') + 1);
        Optional<Node> target =
            m.nodes().values().stream()
                .filter(
                    t ->
                        hasColumns(t)
                            && t.relation() != null
                            && last.equalsIgnoreCase(t.relation().identifier()))
                .findFirst();
        return target.map(
            t ->
                new Relationship(
                    n.uniqueId(),
                    column,
                    t.uniqueId(),
                    x.group(2).replace("\"", "").replace("`", ""),
                    "foreign_key_constraint"));
      }
    }
    return Optional.empty();
  }
}
