package dev.dbtls.mcp;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.ColumnLineage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code column_lineage}: the editor's column lineage ({@code dbt/columnLineage}). */
final class ColumnLineageTool implements DbtTool {
  @Override
  public String name() {
    return "column_lineage";
  }

  @Override
  public String description() {
    return "Where a column of a model comes from (upstream, down to sources and seeds) and which"
        + " columns use it (downstream), inferred from the compiled SQL. Each edge has a kind:"
        + " passed_through, renamed, computed, aggregated, filter_join (read only to filter, join,"
        + " group or order)."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of("node", "column"),
        "node",
        Schemas.node(),
        "column",
        Schemas.string("The column's name"),
        "upstream",
        Schemas.integer("Generations upstream (default 100)", 0, 100),
        "downstream",
        Schemas.integer("Generations downstream (default 100)", 0, 100),
        "include_filters",
        Schemas.bool("Include filter/join edges (default true)"));
  }

  @Override
  public Object call(Arguments args, McpProject project) {
    return walk(
        project,
        args.required("node"),
        args.required("column"),
        args.integer("upstream", ColumnLineage.Options.DEFAULT_DEPTH, 0, 100),
        args.integer("downstream", ColumnLineage.Options.DEFAULT_DEPTH, 0, 100),
        !Boolean.FALSE.equals(args.values().get("include_filters")));
  }

  /** The column lineage as plain data; shared with {@code impact}. */
  static Map<String, Object> walk(
      McpProject project, String node, String column, int up, int down, boolean filters) {
    Analysis a = project.analysis();
    String id = project.required(a.snapshot(), node).uniqueId();
    ColumnLineage l =
        a.columnLineage(
            null,
            id,
            column,
            ColumnLineage.Options.of(up, down, filters, ColumnLineage.Options.DEFAULT_MAX_COLUMNS));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", l.rootNode());
    m.put("column", l.rootColumn());
    if (l.message() != null) {
      m.put("message", l.message());
    }
    m.put(
        "columns",
        l.columns().stream()
            .map(
                c -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("node", c.nodeId());
                  x.put("column", c.column());
                  x.put("resource_type", c.resourceType());
                  x.put("type", c.type());
                  x.put("depth", c.depth());
                  x.put("description", c.description());
                  x.put("file", c.displayPath());
                  x.put("node_columns_complete", c.nodeColumnsComplete());
                  return x;
                })
            .toList());
    m.put(
        "edges",
        l.edges().stream()
            .map(
                e -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("from", e.fromNode() + "." + e.fromColumn());
                  x.put("to", e.toNode() + "." + e.toColumn());
                  x.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
                  return x;
                })
            .toList());
    if (!l.notes().isEmpty()) {
      m.put("notes", l.notes());
    }
    m.put("truncated", l.truncated());
    return m;
  }
}
