package dev.dbtls.ide;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.ResourceType;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.properties.ColumnSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.SourceTableSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hover on a column name: its type (the catalog's, else YAML's {@code data_type}), description and
 * relation. In SQL text, a word that names a column of a relation the file reads (its refs and
 * sources) or of the file's own model; in property YAML, a column entry's name.
 */
final class ColumnHover {
  private ColumnHover() {}

  static Optional<HoverInfo> at(Symbol.Context c, int offset) {
    Optional<SqlTokens.Word> at = SqlTokens.wordAt(c.text(), offset);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    String word = at.get().text();
    int start = at.get().start();
    int end = at.get().end();
    List<Node> owners = c.isYaml() ? yamlOwner(c, offset) : sqlOwners(c, offset);
    String md = markdown(c, word, owners);
    return md == null ? Optional.empty() : Optional.of(new HoverInfo(md, start, end));
  }

  /** The relations a SQL file reads, and its own node; none when the cursor is in Jinja. */
  static List<Node> sqlOwners(Symbol.Context c, int offset) {
    ScannedTemplate t = c.scan().template();
    if (!SqlTokens.inCodeWord(t, offset)) {
      return List.of(); // in Jinja, a string or a comment
    }
    Manifest m = c.snapshot().manifest();
    Set<Node> out = new LinkedHashSet<>();
    StaticFacts f = c.scan().facts();
    for (StaticFacts.RefCall r : f.refs()) {
      if (r.name() != null && !r.dynamic()) {
        m.resolveRef(c.packageName(), new RefCall(r.packageName(), r.name(), r.version(), 0, 0))
            .ifPresent(out::add);
      }
    }
    for (StaticFacts.SourceCall s : f.sources()) {
      if (s.sourceName() != null && s.tableName() != null) {
        m.resolveSource(c.packageName(), s.sourceName(), s.tableName()).ifPresent(out::add);
      }
    }
    out.addAll(m.nodesInFile(c.displayPath()));
    return new ArrayList<>(out);
  }

  /** The model, seed, snapshot or source table whose column entry holds the cursor. */
  private static List<Node> yamlOwner(Symbol.Context c, int offset) {
    PropertyFile props = Symbol.LastYaml.parse(c.displayPath(), c.text());
    Manifest m = c.snapshot().manifest();
    int line = c.lines().span(offset, offset).startLine();
    for (NodeSpec n : props.nodes()) {
      if (holds(n.columns(), line)) {
        return m.refableByName().getOrDefault(n.name(), List.of()).stream()
            .filter(x -> x.packageName().equals(c.packageName()))
            .toList();
      }
    }
    for (SourceSpec s : props.sources()) {
      for (SourceTableSpec t : s.tables()) {
        if (holds(t.columns(), line)) {
          return m.resolveSource(c.packageName(), s.name(), t.name())
              .map(List::of)
              .orElse(List.of());
        }
      }
    }
    return List.of();
  }

  private static boolean holds(List<ColumnSpec> columns, int line) {
    return columns.stream().anyMatch(col -> col.span() != null && col.span().startLine() == line);
  }

  /**
   * Where the column's name and type come from, in one line (null when only YAML or the catalog
   * says).
   */
  private static String origin(NodeColumns.Column column, Node n) {
    dev.dbtls.columns.InferredColumn i = column.inferred();
    if (i == null) {
      return null;
    }
    StringBuilder s = new StringBuilder("*");
    dev.dbtls.columns.Origin name = i.nameOrigin();
    if (name != null
        && name.kind() == dev.dbtls.columns.Origin.Kind.SQL
        && name.start() >= 0
        && n.file() != null
        && name.end() <= n.file().text().length()) {
      String expr = n.file().text().substring(name.start(), name.end()).replaceAll("\\s+", " ");
      s.append("produced by `")
          .append(expr.length() > 80 ? expr.substring(0, 77) + "..." : expr)
          .append("` in ")
          .append(n.displayPath());
    } else if (name != null) {
      s.append("name from ").append(originWord(name));
    }
    if (i.typeOrigin() != null && column.type() != null) {
      s.append(s.length() > 1 ? "; " : "").append("type from ").append(originWord(i.typeOrigin()));
    }
    if (!i.upstream().isEmpty()) {
      dev.dbtls.columns.Upstream u = i.upstream().get(0);
      s.append(s.length() > 1 ? "; " : "")
          .append(u.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(" from `")
          .append(shortName(u.relation()))
          .append('.')
          .append(u.column())
          .append('`');
      if (i.upstream().size() > 1) {
        s.append(" and ").append(i.upstream().size() - 1).append(" more");
      }
    }
    return s.length() == 1 ? null : s.append('*').toString();
  }

  private static String originWord(dev.dbtls.columns.Origin o) {
    return switch (o.kind()) {
      case SQL -> "the SQL";
      case YAML -> "YAML";
      case CATALOG -> "catalog.json";
      case WAREHOUSE -> "the warehouse";
      case PARENT -> "parent `" + shortName(o.relation()) + "`";
      case SEED_FILE -> "the seed's header";
    };
  }

  private static String shortName(String id) {
    return id == null ? "?" : id.substring(id.lastIndexOf('.') + 1);
  }

  private static String markdown(Symbol.Context c, String word, List<Node> owners) {
    Catalog catalog = ProjectCatalog.of(c.snapshot());
    StringBuilder sb = new StringBuilder();
    for (Node n : owners) {
      Optional<NodeColumns.Column> column = NodeColumns.column(c.snapshot(), catalog, n, word);
      if (column.isEmpty()) {
        continue;
      }
      String type = column.get().type();
      sb.append(sb.isEmpty() ? "" : "\n\n---\n\n")
          .append("**column** `")
          .append(column.get().name())
          .append('`');
      if (type != null) {
        sb.append(" `").append(type).append('`');
      }
      sb.append(" · ")
          .append(n.type() == ResourceType.SOURCE ? "source" : n.type().dbtName())
          .append(" `")
          .append(n.name())
          .append('`');
      if (n.relation() != null) {
        sb.append(" (`").append(Hover.relation(n.relation())).append("`)");
      }
      String description = column.get().description();
      if (description != null && !description.isBlank()) {
        sb.append("\n\n").append(description.strip());
      }
      String origin = origin(column.get(), n);
      if (origin != null) {
        sb.append("\n\n").append(origin);
      }
    }
    return sb.isEmpty() ? null : sb.toString();
  }
}
