package dev.dbtls.index;

import dev.dbtls.project.properties.ColumnSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.SourceTableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A property file decoded from the parse cache beside a manifest restored from the linked cache,
 * holding the restored nodes' own columns where they are the same. The two caches decode their
 * columns each on their own; a cold build's nodes hold the property file's very columns (and a copy
 * only where a {@code doc()} is rendered into the description). On 100,000 models a restored start
 * held every column twice: 983,000 more column specs with their tests and texts.
 */
final class RestoredColumns {
  private RestoredColumns() {}

  /** {@code p} with the columns of {@code nodes} where equal; {@code p} itself when none are. */
  static PropertyFile share(PropertyFile p, String packageName, Map<String, Node> nodes) {
    List<NodeSpec> specs = new ArrayList<>(p.nodes().size());
    boolean changed = false;
    for (NodeSpec n : p.nodes()) {
      Node node = nodes.get(n.resourceType() + "." + packageName + "." + n.name());
      List<ColumnSpec> columns = node == null ? n.columns() : shared(n.columns(), node.columns());
      if (columns != n.columns()) {
        changed = true;
        n = withColumns(n, columns);
      }
      specs.add(n);
    }
    List<SourceSpec> sources = new ArrayList<>(p.sources().size());
    for (SourceSpec s : p.sources()) {
      SourceSpec shared = sharedTables(s, packageName, nodes);
      changed |= shared != s;
      sources.add(shared);
    }
    if (!changed) {
      return p;
    }
    return new PropertyFile(
        p.path(),
        List.copyOf(specs),
        List.copyOf(sources),
        p.macros(),
        p.exposures(),
        p.unitTests(),
        p.docRefs(),
        p.problems(),
        p.semanticModels(),
        p.metrics(),
        p.savedQueries(),
        p.functions(),
        p.yamlSnapshots());
  }

  private static SourceSpec sharedTables(SourceSpec s, String pkg, Map<String, Node> nodes) {
    List<SourceTableSpec> tables = new ArrayList<>(s.tables().size());
    boolean changed = false;
    for (SourceTableSpec t : s.tables()) {
      Node node = nodes.get("source." + pkg + "." + s.name() + "." + t.name());
      List<ColumnSpec> columns = node == null ? t.columns() : shared(t.columns(), node.columns());
      if (columns != t.columns()) {
        changed = true;
        t =
            new SourceTableSpec(
                t.name(),
                t.identifier(),
                t.description(),
                columns,
                t.tests(),
                t.loadedAtField(),
                t.freshness(),
                t.quoting(),
                t.meta(),
                t.tags(),
                t.config(),
                t.span(),
                t.nameSpan());
      }
      tables.add(t);
    }
    if (!changed) {
      return s;
    }
    return new SourceSpec(
        s.name(),
        s.description(),
        s.database(),
        s.schema(),
        s.loader(),
        s.loadedAtField(),
        s.freshness(),
        s.quoting(),
        s.meta(),
        s.tags(),
        s.config(),
        List.copyOf(tables),
        s.file(),
        s.span(),
        s.nameSpan());
  }

  private static NodeSpec withColumns(NodeSpec n, List<ColumnSpec> columns) {
    return new NodeSpec(
        n.resourceType(),
        n.name(),
        n.description(),
        n.config(),
        columns,
        n.tests(),
        n.meta(),
        n.tags(),
        n.versions(),
        n.latestVersion(),
        n.file(),
        n.span(),
        n.nameSpan(),
        n.constraints());
  }

  /**
   * {@code mine}, with each column the node holds alike (a node's columns are its property entry's,
   * in order) replaced by the node's; a column whose description the node rendered keeps its own
   * description and takes the rest from the node's. {@code mine} itself when nothing is shared.
   */
  private static List<ColumnSpec> shared(List<ColumnSpec> mine, List<ColumnSpec> theirs) {
    if (mine.size() != theirs.size()) {
      return mine;
    }
    ColumnSpec[] out = null;
    for (int i = 0; i < mine.size(); i++) {
      ColumnSpec a = mine.get(i);
      ColumnSpec b = theirs.get(i);
      ColumnSpec s = a == b ? a : a.equals(b) ? b : butTheDescription(a, b);
      if (s != a) {
        if (out == null) {
          out = mine.toArray(new ColumnSpec[0]);
        }
        out[i] = s;
      }
    }
    return out == null ? mine : List.of(out);
  }

  /** {@code a} made of {@code b}'s parts where only the description differs; else {@code a}. */
  private static ColumnSpec butTheDescription(ColumnSpec a, ColumnSpec b) {
    if (!Objects.equals(a.name(), b.name())
        || !Objects.equals(a.dataType(), b.dataType())
        || !Objects.equals(a.quote(), b.quote())
        || !Objects.equals(a.span(), b.span())
        || !Objects.equals(a.tests(), b.tests())
        || !Objects.equals(a.constraints(), b.constraints())
        || !Objects.equals(a.meta(), b.meta())
        || !Objects.equals(a.tags(), b.tags())) {
      return a;
    }
    return new ColumnSpec(
        b.name(),
        a.description(),
        b.dataType(),
        b.tests(),
        b.constraints(),
        b.meta(),
        b.tags(),
        b.quote(),
        b.span());
  }
}
