package dev.dbtls.mcp;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.ExplainOutcome;
import dev.dbtls.query.ExplainRequest;
import dev.dbtls.query.ModelExplain;
import dev.dbtls.warehouse.ExplainResult;
import dev.dbtls.warehouse.QueryCancel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code explain}: the editor's explain ({@link ModelExplain}): the plan only, never run. */
final class Explain implements DbtTool {
  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String description() {
    return "The warehouse's query plan for a model (or ad-hoc SQL with Jinja), without running"
        + " it: the plan tree (operators, relations, estimated rows and cost) and findings on what"
        + " makes it slow (full scans, missing indexes, exploding joins). Use it to answer 'why is"
        + " this model slow'."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of(),
        "node",
        Schemas.node(),
        "sql",
        Schemas.string("Ad-hoc SQL with Jinja instead of a model"));
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
    // no store: explaining records no recommendations, the tool changes nothing
    ExplainOutcome o =
        ModelExplain.run(
            new ExplainRequest(s, file, sql, null, false, new QueryCancel()),
            project.warehouses(),
            null);
    Map<String, Object> m = new LinkedHashMap<>();
    if (o.nothing()) {
      throw new Arguments.ToolInputException("nothing to explain: give a model or SQL");
    }
    m.put("node", o.prepared().nodeId());
    m.put("compiled_sql", o.prepared().sql());
    if (o.compileFailed()) {
      m.put("error", "the SQL could not be compiled: see problems");
      m.put("problems", o.prepared().problems().stream().distinct().map(Plain::problem).toList());
      return new ToolCalls.Answer(m, true, o.prepared().sql(), null);
    }
    ExplainResult r = o.explain().result();
    if (!r.ok()) {
      m.put("error", r.error().code().id() + ": " + r.error().message());
      return new ToolCalls.Answer(m, true, o.prepared().sql(), null);
    }
    m.put("plan", r.root());
    m.put("findings", r.findings());
    m.put("table_rows", r.tableRows());
    if (!o.explain().inlined().isEmpty()) {
      m.put("inlined_parents", o.explain().inlined());
    }
    return new ToolCalls.Answer(m, false, o.prepared().sql(), null);
  }
}
