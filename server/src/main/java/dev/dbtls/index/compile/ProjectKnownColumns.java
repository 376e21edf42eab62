package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.SeedCsv;
import dev.dbtls.jinja.KnownColumns;
import dev.dbtls.jinja.Relation;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a project knows of the columns at a relation, answered for {@code
 * adapter.get_columns_in_relation} without a warehouse (docs/ARCHITECTURE.md, "No warehouse"): a
 * seed there has the columns its CSV creates; else a source, model or snapshot there whose YAML
 * documents every column with a {@code data_type} has those; a model whose compiled SQL is only
 * {@code select * from <relation>} (a Fivetran package's {@code _tmp} model) has that relation's
 * known columns; else nothing is known. Relations are matched as the adapter matches names: a part
 * quoted in the relation asked for compares exactly, an unquoted one ignoring case. Built once per
 * snapshot; a seed's file is read when its relation is first asked for.
 */
final class ProjectKnownColumns implements KnownColumns {
  private static final List<ResourceType> PRIORITY =
      List.of(ResourceType.SEED, ResourceType.MODEL, ResourceType.SNAPSHOT, ResourceType.SOURCE);

  private final Manifest manifest;

  /** The nodes by lower-cased identifier; made when a render first asks (most never do). */
  private volatile Map<String, List<Node>> byIdentifier;

  private final Map<String, Optional<List<Map.Entry<String, String>>>> columns =
      new ConcurrentHashMap<>();
  private final Adapter adapter;
  private final FileSource files;
  private final Function<Node, String> compiledSql;
  private final ThreadLocal<Set<String>> visiting = ThreadLocal.withInitial(HashSet::new);

  /** {@code compiledSql} compiles a model (null when it fails); called for a model asked for. */
  ProjectKnownColumns(
      Manifest manifest, Adapter adapter, FileSource files, Function<Node, String> compiledSql) {
    this.manifest = manifest;
    this.adapter = adapter;
    this.files = files;
    this.compiledSql = compiledSql;
  }

  /**
   * The relations' nodes by identifier: made at the first question, not with the snapshot (an
   * edit's render of one model made it for every node, a third of the edit's time on 10k models).
   */
  private Map<String, List<Node>> byIdentifier() {
    Map<String, List<Node>> m = byIdentifier;
    if (m == null) {
      m = new HashMap<>();
      for (Node n : manifest.nodes().values()) {
        RelationName r = n.relation();
        if (r != null
            && r.identifier() != null
            && n.enabled()
            && PRIORITY.contains(n.type())
            && !"ephemeral".equals(n.materialized())) {
          m.computeIfAbsent(lower(r.identifier()), k -> new ArrayList<>()).add(n);
        }
      }
      m.values()
          .forEach(
              list ->
                  list.sort(java.util.Comparator.comparingInt(n -> PRIORITY.indexOf(n.type()))));
      byIdentifier = m; // two first questions at once may both make it: the same map either way
    }
    return m;
  }

  @Override
  public List<Map.Entry<String, String>> of(Relation relation) {
    if (relation == null || relation.identifier() == null) {
      return null;
    }
    for (Node n : byIdentifier().getOrDefault(lower(relation.identifier()), List.of())) {
      RelationName r = n.relation();
      if (same(relation.identifier(), r.identifier(), relation.quoteIdentifier())
          && same(relation.schema(), r.schema(), relation.quoteSchema())
          && same(relation.database(), r.database(), relation.quoteDatabase())) {
        Optional<List<Map.Entry<String, String>>> cols = columns.get(n.uniqueId());
        if (cols == null) {
          if (!visiting.get().add(n.uniqueId())) {
            continue; // a relation that selects from itself knows nothing
          }
          try {
            cols = Optional.ofNullable(columnsOf(n));
          } finally {
            visiting.get().remove(n.uniqueId());
          }
          columns.putIfAbsent(n.uniqueId(), cols);
        }
        if (cols.isPresent()) {
          return cols.get();
        }
      }
    }
    return null;
  }

  /** A part left out on either side (no database) matches; a quoted part compares exactly. */
  private static boolean same(String asked, String known, boolean quoted) {
    if (asked == null || asked.isEmpty() || known == null || known.isEmpty()) {
      return true;
    }
    return quoted ? asked.equals(known) : asked.equalsIgnoreCase(known);
  }

  private List<Map.Entry<String, String>> columnsOf(Node n) {
    if (n.type() == ResourceType.SEED) {
      return seedColumns(n);
    }
    List<Map.Entry<String, String>> documented = documentedColumns(n);
    if (documented != null
        || n.type() != ResourceType.MODEL
        || n.file() == null
        || n.file().isPython()) {
      return documented;
    }
    Relation from = SelectStar.from(compiledSql.apply(n), adapter);
    return from == null ? null : of(from);
  }

  private List<Map.Entry<String, String>> seedColumns(Node seed) {
    List<List<String>> rows = SeedCsv.rows(seed, files);
    if (rows == null) {
      return null;
    }
    Map<?, ?> columnTypes = seed.config().get("column_types") instanceof Map<?, ?> m ? m : null;
    List<String> types = SeedColumnTypes.of(rows, columnTypes, adapter);
    Object q = seed.config().get("quote_columns");
    boolean quoted = q instanceof Boolean b ? b : !adapter.lineage().contains("snowflake");
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (int i = 0; i < rows.get(0).size(); i++) {
      out.add(
          new AbstractMap.SimpleImmutableEntry<>(
              SeedColumnTypes.name(rows.get(0).get(i), quoted, adapter), types.get(i)));
    }
    return List.copyOf(out);
  }

  /**
   * YAML columns count only when every one has a {@code data_type}: then they are the whole table.
   */
  private List<Map.Entry<String, String>> documentedColumns(Node n) {
    if (n.columns() == null || n.columns().isEmpty()) {
      return null;
    }
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (ColumnSpec c : n.columns()) {
      if (c.name() == null || c.dataType() == null || c.dataType().isBlank()) {
        return null;
      }
      out.add(
          new AbstractMap.SimpleImmutableEntry<>(
              SeedColumnTypes.name(c.name(), Boolean.TRUE.equals(c.quote()), adapter),
              c.dataType()));
    }
    return List.copyOf(out);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
