package dev.dbtls.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.ColumnLineage;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.lsp.ColumnLineageAnswer;
import dev.dbtls.project.FileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code dbtls lineage NODE --column C}: the column's lineage as an indented tree (upstream with
 * {@code <-}, downstream with {@code ->}, each edge's kind), or {@code dbt/columnLineage}'s result
 * as JSON.
 */
final class ColumnLineageTree {
  private ColumnLineageTree() {}

  static int print(
      ProjectOptions project, String node, String column, int up, int down, boolean json)
      throws Exception {
    List<String> errors = new ArrayList<>();
    ProjectSnapshot snapshot = project.snapshot(errors, true);
    errors.forEach(e -> System.err.println("error: " + e));
    Path root = snapshot.inputs().root().dir();
    Analysis analysis = Analysis.of(snapshot);
    long t0 = System.nanoTime();
    dev.dbtls.workspace.ProjectColumns.inferNow(analysis, FileSource.DISK);
    if (Boolean.getBoolean("dbtls.timing")) {
      System.err.printf("dbtls: columns inferred in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }
    String file = LineageCommand.fileOf(root, node);
    ColumnLineage.Options options =
        new ColumnLineage.Options(up, down, true, ColumnLineage.Options.DEFAULT_MAX_COLUMNS);
    ColumnLineage l =
        file != null
            ? analysis.columnLineage(file, null, column, options)
            : analysis.columnLineage(
                null, LineageCommand.nodeId(snapshot.manifest(), node), column, options);
    if (json) {
      ObjectMapper mapper =
          new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
      System.out.println(
          mapper.writeValueAsString(ColumnLineageAnswer.of(l, root, p -> p.toUri().toString())));
    }
    if (l.rootNode() == null) {
      System.err.println("error: " + l.message());
      return 1;
    }
    if (!json) {
      System.out.print(tree(l));
      l.notes().forEach(n -> System.err.println("dbtls: not known: " + n));
    }
    return 0;
  }

  static String tree(ColumnLineage l) {
    Map<String, ColumnLineage.Column> byKey = new HashMap<>();
    l.columns().forEach(c -> byKey.put(key(c.nodeId(), c.column()), c));
    Map<String, List<ColumnLineage.Edge>> into = new HashMap<>();
    Map<String, List<ColumnLineage.Edge>> outOf = new HashMap<>();
    for (ColumnLineage.Edge e : l.edges()) {
      into.computeIfAbsent(key(e.toNode(), e.toColumn()), k -> new ArrayList<>()).add(e);
      outOf.computeIfAbsent(key(e.fromNode(), e.fromColumn()), k -> new ArrayList<>()).add(e);
    }
    StringBuilder out = new StringBuilder();
    ColumnLineage.Column root = byKey.get(key(l.rootNode(), l.rootColumn()));
    out.append(label(root)).append('\n');
    walk(key(l.rootNode(), l.rootColumn()), true, into, byKey, 1, new HashSet<>(), out);
    walk(key(l.rootNode(), l.rootColumn()), false, outOf, byKey, 1, new HashSet<>(), out);
    return out.toString();
  }

  private static void walk(
      String from,
      boolean upstream,
      Map<String, List<ColumnLineage.Edge>> next,
      Map<String, ColumnLineage.Column> byKey,
      int indent,
      Set<String> printed,
      StringBuilder out) {
    for (ColumnLineage.Edge e : next.getOrDefault(from, List.of())) {
      String k = upstream ? key(e.fromNode(), e.fromColumn()) : key(e.toNode(), e.toColumn());
      ColumnLineage.Column c = byKey.get(k);
      if (c == null) {
        continue;
      }
      out.append("  ".repeat(indent))
          .append(upstream ? "<- " : "-> ")
          .append(label(c))
          .append("  [")
          .append(e.kind().name().toLowerCase(Locale.ROOT))
          .append(']');
      if (!printed.add(k)) {
        out.append(" (above)\n");
        continue;
      }
      out.append('\n');
      if (e.kind() != dev.dbtls.columns.EdgeKind.FILTER_JOIN) {
        walk(k, upstream, next, byKey, indent + 1, printed, out);
      }
    }
  }

  private static String label(ColumnLineage.Column c) {
    StringBuilder s = new StringBuilder(c.nodeName());
    s.append(c.column() == null ? " (rows)" : "." + c.column());
    if (c.type() != null) {
      s.append(' ').append(c.type());
    }
    s.append(" (").append(c.resourceType()).append(')');
    if (!c.nodeColumnsComplete() && c.column() != null) {
      s.append(" [columns not all known]");
    }
    return s.toString();
  }

  private static String key(String node, String column) {
    return node + "\u0000" + (column == null ? "" : column.toLowerCase(Locale.ROOT));
  }
}
