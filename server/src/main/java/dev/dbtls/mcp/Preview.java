package dev.dbtls.mcp;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.ModelPreview;
import dev.dbtls.query.PreviewOutcome;
import dev.dbtls.query.PreviewRequest;
import dev.dbtls.warehouse.PreviewColumn;
import dev.dbtls.warehouse.PreviewOptions;
import dev.dbtls.warehouse.PreviewResult;
import dev.dbtls.warehouse.QueryCancel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code preview}: the editor's preview ({@link ModelPreview}): read-only (the editor's guard,
 * {@code warehouse.ReadOnlyCheck}, never waived here), row-limited, with the editor's time limit.
 */
final class Preview implements DbtTool {
  static final int MAX_ROWS = 500;

  @Override
  public String name() {
    return "preview";
  }

  @Override
  public String description() {
    return "Run a model's compiled SQL (or ad-hoc SELECT SQL with Jinja) on the project's target"
        + " warehouse and return the first rows as a small table. Read-only: anything that could"
        + " write (insert, update, delete, create, drop, ...) is refused before it reaches the"
        + " warehouse. Parents not built yet are inlined. At most "
        + MAX_ROWS
        + " rows."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of(),
        "node",
        Schemas.node(),
        "sql",
        Schemas.string("Ad-hoc SELECT with Jinja, e.g. select * from {{ ref('orders') }}"),
        "cte",
        Schemas.string("Preview one CTE of the model instead of the whole"),
        "limit",
        Schemas.integer("Rows (default 20)", 1, MAX_ROWS));
  }

  @Override
  public Object call(Arguments args, McpProject project) {
    ProjectSnapshot s = project.snapshot();
    String nodeName = args.string("node");
    String sql = args.string("sql");
    if (nodeName == null && sql == null) {
      throw new Arguments.ToolInputException("give 'node' (a model's name) or 'sql'");
    }
    Node node = nodeName == null ? null : project.required(s, nodeName);
    Path file = node == null || node.file() == null ? null : node.file().absolutePath();
    if (node != null && file == null && sql == null) {
      throw new Arguments.ToolInputException(node.uniqueId() + " has no SQL file to preview");
    }
    int limit = args.integer("limit", 20, 1, MAX_ROWS);
    PreviewOptions editor = PreviewOptions.defaults();
    PreviewOutcome o =
        ModelPreview.run(
            new PreviewRequest(
                s,
                file,
                sql,
                args.string("cte"),
                limit,
                limit,
                editor.maxPageBytes(),
                editor.timeoutSeconds(),
                false,
                new QueryCancel()),
            project.warehouses());
    Map<String, Object> m = new LinkedHashMap<>();
    if (o.nothing()) {
      throw new Arguments.ToolInputException("nothing to preview: give a model or SQL");
    }
    m.put("node", o.prepared().nodeId());
    m.put("target", s.inputs().target().name());
    m.put("compiled_sql", o.prepared().sql());
    if (o.compileFailed()) {
      m.put("error", "the SQL could not be compiled: see problems");
      m.put("problems", o.prepared().problems().stream().distinct().map(Plain::problem).toList());
      return new ToolCalls.Answer(m, true, o.prepared().sql(), null);
    }
    PreviewResult r = o.result();
    if (r.cursor() != null) {
      project.warehouses().closeCursor(r.cursor());
    }
    if (!o.inlined().isEmpty()) {
      m.put("inlined_parents", o.inlined());
    }
    if (!r.ok()) {
      m.put("error", r.error().code().id() + ": " + r.error().message());
      return new ToolCalls.Answer(m, true, o.prepared().sql(), null);
    }
    m.put("columns", r.columns().stream().map(PreviewColumn::name).toList());
    m.put("types", r.columns().stream().map(PreviewColumn::databaseType).toList());
    m.put("rows", r.rows());
    m.put("more_rows", r.hasMore() || r.truncated());
    m.put("millis", r.millis());
    return new ToolCalls.Answer(m, false, o.prepared().sql(), (long) r.rows().size());
  }
}
