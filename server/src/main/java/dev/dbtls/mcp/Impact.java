package dev.dbtls.mcp;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code impact}: what reads a column downstream (its column lineage, downstream only), by node,
 * with the data tests on it: what breaks if it is removed or renamed.
 */
final class Impact implements DbtTool {
  @Override
  public String name() {
    return "impact";
  }

  @Override
  public String description() {
    return "What breaks downstream if a column of a model is removed or renamed: every downstream"
        + " model and column that reads it (with how: passed_through, renamed, computed,"
        + " aggregated, filter_join) and the data tests declared on it. Check this before changing"
        + " or dropping a column."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of("node", "column"),
        "node",
        Schemas.node(),
        "column",
        Schemas.string("The column to remove or rename"));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object call(Arguments args, McpProject project) {
    String column = args.required("column");
    Map<String, Object> lineage =
        ColumnLineageTool.walk(project, args.required("node"), column, 0, 100, true);
    String root = (String) lineage.get("node");
    Map<String, List<Map<String, Object>>> byNode = new TreeMap<>();
    for (Map<String, Object> e : (List<Map<String, Object>>) lineage.get("edges")) {
      String to = (String) e.get("to");
      String node = to.substring(0, to.lastIndexOf('.'));
      Map<String, Object> read = new LinkedHashMap<>();
      read.put("column", to.substring(to.lastIndexOf('.') + 1));
      read.put("reads", e.get("from"));
      read.put("kind", e.get("kind"));
      byNode.computeIfAbsent(node, k -> new java.util.ArrayList<>()).add(read);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", root);
    m.put("column", lineage.get("column"));
    if (lineage.containsKey("message")) {
      m.put("message", lineage.get("message"));
    }
    m.put("downstream", byNode);
    m.put("tests_on_column", root == null ? List.of() : tests(project, root, column));
    m.put(
        "if_removed",
        byNode.isEmpty()
            ? "no downstream model reads this column (as far as the SQL could be analysed)"
            : byNode.size() + " downstream nodes read it and would fail or change");
    if (lineage.containsKey("notes")) {
      m.put("notes", lineage.get("notes"));
    }
    return m;
  }

  private static List<String> tests(McpProject project, String nodeId, String column) {
    return project.snapshot().manifest().nodes().values().stream()
        .filter(t -> t.type() == ResourceType.TEST && t.dependsOn().contains(nodeId))
        .filter(t -> column.equalsIgnoreCase(String.valueOf(columnOf(t))))
        .map(Node::uniqueId)
        .sorted()
        .toList();
  }

  private static Object columnOf(Node t) {
    return t.extra() == null ? null : t.extra().get("column_name");
  }
}
