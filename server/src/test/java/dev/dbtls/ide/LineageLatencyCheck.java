package dev.dbtls.ide;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Manual latency check of {@code dbt/lineage}'s walk on a large project (not a test: timing depends
 * on the machine). Generate one with {@code python3 test-projects/generate.py DIR --models 10000},
 * then {@code java -cp <classpath> dev.dbtls.ide.LineageLatencyCheck DIR}: the median of 200
 * requests for a staging model (many descendants), a mart (many ancestors) and the most-connected
 * node, at default options and at depth 10 / 5000 nodes.
 */
public final class LineageLatencyCheck {
  public static void main(String[] args) {
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dir, ProjectInputs.Options.defaults(), List.of(), FileSource.DISK, false);
    System.out.println(s.manifest().nodes().size() + " nodes");
    var dag = s.manifest().dag();
    List<Node> models =
        s.manifest().nodes().values().stream()
            .filter(n -> n.type() == ResourceType.MODEL)
            .sorted(Comparator.comparing(Node::uniqueId))
            .toList();
    Node stg = models.stream().filter(n -> n.name().startsWith("stg_")).findFirst().orElseThrow();
    Node mart =
        models.stream().filter(n -> n.name().startsWith("fct_")).reduce((a, b) -> b).orElseThrow();
    Node hub =
        models.stream()
            .max(Comparator.comparingInt(n -> dag.childrenOf(n.uniqueId()).size()))
            .orElseThrow();
    for (Node n : List.of(stg, mart, hub)) {
      for (Lineage.Options o :
          List.of(
              Lineage.Options.of(null, null, null, null),
              new Lineage.Options(10, 10, true, 5000))) {
        List<Long> nanos = new ArrayList<>();
        Lineage l = null;
        for (int i = 0; i < 200; i++) {
          long t0 = System.nanoTime();
          l = Analysis.of(s).lineage(null, n.uniqueId(), o);
          nanos.add(System.nanoTime() - t0);
        }
        nanos.sort(null);
        System.out.printf(
            "%-45s up %d down %d tests %s max %d: %4d nodes%s, median %.3f ms, p95 %.3f ms%n",
            n.name() + " (" + dag.childrenOf(n.uniqueId()).size() + " children)",
            o.upstreamDepth(),
            o.downstreamDepth(),
            o.includeTests(),
            o.maxNodes(),
            l.nodes().size(),
            l.truncated() ? " (cut)" : "",
            nanos.get(100) / 1e6,
            nanos.get(190) / 1e6);
      }
    }
  }
}
