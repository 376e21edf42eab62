package dev.dbtls.mcp;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.Lineage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code lineage}: the editor's lineage graph ({@code dbt/lineage}) of one node, up and down N. */
final class LineageTool implements DbtTool {
  @Override
  public String name() {
    return "lineage";
  }

  @Override
  public String description() {
    return "The model-level lineage of a node: its parents (upstream: sources, seeds, models it"
        + " refs) and children (downstream: models, exposures that use it), N generations each"
        + " way, as nodes with their depth (negative upstream) and from->to edges."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of("node"),
        "node",
        Schemas.node(),
        "upstream",
        Schemas.integer("Generations of parents (default 2)", 0, 100),
        "downstream",
        Schemas.integer("Generations of children (default 2)", 0, 100),
        "include_tests",
        Schemas.bool("Include data tests (default false)"),
        "max_nodes",
        Schemas.integer("Most nodes (default 200)", 1, Lineage.Options.MAX_NODES_LIMIT));
  }

  @Override
  public Object call(Arguments args, McpProject project) {
    Analysis a = project.graph();
    String id = project.required(a.snapshot(), args.required("node")).uniqueId();
    Lineage l =
        a.lineage(
            null,
            id,
            Lineage.Options.of(
                args.integer("upstream", Lineage.Options.DEFAULT_DEPTH, 0, 100),
                args.integer("downstream", Lineage.Options.DEFAULT_DEPTH, 0, 100),
                args.flag("include_tests"),
                args.integer(
                    "max_nodes",
                    Lineage.Options.DEFAULT_MAX_NODES,
                    1,
                    Lineage.Options.MAX_NODES_LIMIT)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("root", l.root());
    if (l.message() != null) {
      m.put("message", l.message());
    }
    m.put(
        "nodes",
        l.nodes().stream()
            .map(
                n -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("unique_id", n.id());
                  x.put("resource_type", n.resourceType());
                  x.put("name", n.name());
                  x.put("materialized", n.materialization());
                  x.put("depth", n.depth());
                  x.put("file", n.displayPath());
                  if (n.hiddenUpstream() > 0) {
                    x.put("more_upstream", n.hiddenUpstream());
                  }
                  if (n.hiddenDownstream() > 0) {
                    x.put("more_downstream", n.hiddenDownstream());
                  }
                  return x;
                })
            .toList());
    m.put("edges", l.edges().stream().map(e -> List.of(e.from(), e.to())).toList());
    m.put("truncated", l.truncated());
    return m;
  }
}
