package dev.dbtls.mcp;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.ColumnsOfNode;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.project.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code get_node}: one node's facts, its columns (with types and origins) and its tests. */
final class GetNode implements DbtTool {
  @Override
  public String name() {
    return "get_node";
  }

  @Override
  public String description() {
    return "Everything dbtls knows about one model, source, seed or snapshot: its unique id,"
        + " file, materialization, config, description, relation, parents, the columns it produces"
        + " (name, type, where each comes from, description) and the data tests on it."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(List.of("node"), "node", Schemas.node());
  }

  @Override
  public Object call(Arguments args, McpProject project) {
    Analysis a = project.analysis();
    var s = a.snapshot();
    Node n = project.required(s, args.required("node"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unique_id", n.uniqueId());
    m.put("resource_type", n.type().name().toLowerCase(java.util.Locale.ROOT));
    m.put("name", n.name());
    m.put("package", n.packageName());
    if (n.version() != null) {
      m.put("version", n.version());
    }
    m.put("file", n.displayPath());
    m.put("materialized", n.materialized());
    m.put("relation", relation(n.relation()));
    m.put("description", n.description());
    m.put("config", Secrets.redact(n.config()));
    m.put("depends_on", n.dependsOn());
    ColumnsOfNode.Answer columns = a.columnsOf(null, n.uniqueId());
    m.put("columns", columns.columns());
    m.put("columns_complete", columns.complete());
    if (!columns.gaps().isEmpty()) {
      m.put("columns_gaps", columns.gaps());
    }
    m.put(
        "tests",
        s.manifest().nodes().values().stream()
            .filter(t -> t.type() == ResourceType.TEST && t.dependsOn().contains(n.uniqueId()))
            .map(t -> t.uniqueId())
            .sorted()
            .toList());
    m.put(
        "children",
        s.manifest().nodes().values().stream()
            .filter(c -> c.type() != ResourceType.TEST && c.dependsOn().contains(n.uniqueId()))
            .map(Node::uniqueId)
            .sorted()
            .toList());
    return m;
  }

  private static String relation(dev.dbtls.index.RelationName r) {
    if (r == null) {
      return null;
    }
    return java.util.stream.Stream.of(r.database(), r.schema(), r.identifier())
        .filter(x -> x != null && !x.isEmpty())
        .collect(java.util.stream.Collectors.joining("."));
  }
}
