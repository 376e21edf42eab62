package dev.dbtls.ide;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Actions above each model, analysis and snapshot a SQL file defines: preview, explain, benchmark,
 * compiled SQL and lineage, and for a model or snapshot also build and test (dbt/run). Models and
 * analyses get them on line 0 (the file is the node); a snapshot file gets one set per {@code {%
 * snapshot %}} block, on the block's line in the buffer. Macros, tests and YAML get none.
 */
public final class CodeLenses {
  private CodeLenses() {}

  public static final String PREVIEW = "dbtls.preview";
  public static final String EXPLAIN = "dbtls.explain";
  public static final String BENCHMARK = "dbtls.benchmark";
  public static final String SHOW_COMPILED_SQL = "dbtls.showCompiledSql";
  public static final String LINEAGE = "dbtls.lineage";
  public static final String BUILD = "dbtls.buildModel";
  public static final String TEST = "dbtls.testModel";

  /** Title and command of each lens, in the order shown. */
  static final List<String[]> ACTIONS =
      List.of(
          new String[] {"▶ Preview", PREVIEW},
          new String[] {"Explain", EXPLAIN},
          new String[] {"Benchmark", BENCHMARK},
          new String[] {"Compiled SQL", SHOW_COMPILED_SQL},
          new String[] {"Lineage", LINEAGE});

  /** What a node that is built (a model, a snapshot) adds: dbt build and dbt test. */
  static final List<String[]> BUILT =
      List.of(new String[] {"Build", BUILD}, new String[] {"Test", TEST});

  static List<CodeLens> find(ProjectSnapshot s, String displayPath, String text) {
    if (s == null
        || displayPath == null
        || !dev.dbtls.project.JinjaFileExtensions.isSql(displayPath)) {
      return List.of();
    }
    List<CodeLens> out = new ArrayList<>();
    List<StaticFacts.SnapshotBlock> blocks = null;
    LineIndex lines = null;
    for (Node n : s.manifest().nodesInFile(displayPath)) {
      int line;
      if (n.type() == ResourceType.MODEL || n.type() == ResourceType.ANALYSIS) {
        line = 0;
      } else if (n.type() == ResourceType.SNAPSHOT) {
        if (blocks == null) {
          String t = text == null ? "" : text;
          blocks = StaticExtractor.extract(JinjaScanner.scan(t)).snapshots();
          lines = new LineIndex(t);
        }
        line = -1;
        for (StaticFacts.SnapshotBlock b : blocks) {
          if (b.name().equals(n.name())) {
            line = lines.line(b.whole().start());
            break;
          }
        }
        if (line < 0) {
          continue; // no longer in the buffer
        }
      } else {
        continue;
      }
      Span at = new Span(line, 0, line, 0);
      Map<String, String> arg = Map.of("displayPath", displayPath, "uniqueId", n.uniqueId());
      for (String[] a : ACTIONS) {
        out.add(new CodeLens(at, a[0], a[1], arg));
      }
      if (n.type() != ResourceType.ANALYSIS) {
        for (String[] a : BUILT) {
          out.add(new CodeLens(at, a[0], a[1], arg));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(c -> c.range().startLine()));
    return out;
  }
}
