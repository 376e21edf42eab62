package dev.dbtls.mcp;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.SourceMap;
import dev.dbtls.query.PreviewSql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compile}: a node's compiled SQL as {@code dbtls compile} writes it (the same {@link
 * NodeCompiler}), or ad-hoc SQL with Jinja compiled in a model's context as a preview would.
 */
final class Compile implements DbtTool {
  @Override
  public String name() {
    return "compile";
  }

  @Override
  public String description() {
    return "Compile a model (or test, snapshot, analysis) to the SQL dbt would run, without a"
        + " warehouse: refs and sources resolved, macros and Jinja rendered. Or give ad-hoc 'sql'"
        + " with Jinja (e.g. select * from {{ ref('orders') }}) to compile it in the project (in"
        + " the context of 'node' if given). Answers the SQL, problems (file, line, code,"
        + " message) and, for a node, the source map: [sql_start, sql_end, template_start,"
        + " template_end, kind] character offsets from compiled SQL back to the file."
        + UNTRUSTED;
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.object(
        List.of(),
        "node",
        Schemas.node(),
        "sql",
        Schemas.string("Ad-hoc SQL with Jinja to compile instead of the node's file"),
        "source_map",
        Schemas.bool("Include the source map (default true)"));
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
    Map<String, Object> m = new LinkedHashMap<>();
    if (sql != null) {
      java.nio.file.Path file =
          node == null || node.file() == null ? null : node.file().absolutePath();
      PreviewSql p = PreviewSql.of(s, file, sql).orElse(null);
      if (p == null) {
        throw new Arguments.ToolInputException("nothing to compile");
      }
      m.put("node", p.nodeId());
      m.put("compiled_sql", p.failed() ? null : p.sql());
      m.put("failed", p.failed());
      m.put("problems", p.problems().stream().distinct().map(Plain::problem).toList());
      return m;
    }
    if (!node.type().compiles()) {
      throw new Arguments.ToolInputException(
          node.uniqueId()
              + " is a "
              + node.type().name().toLowerCase()
              + ": it has no SQL to compile");
    }
    CompiledNode c = new NodeCompiler(s).compile(node);
    m.put("node", node.uniqueId());
    m.put("file", node.displayPath());
    m.put("compiled_sql", c.failed() ? null : c.sql());
    m.put("failed", c.failed());
    m.put("problems", c.problems().stream().distinct().map(Plain::problem).toList());
    SourceMap map = c.sourceMap();
    if (map != null && !Boolean.FALSE.equals(args.values().get("source_map"))) {
      m.put(
          "source_map",
          map.segments().stream()
              .map(
                  g ->
                      List.of(
                          g.outputStart(),
                          g.outputEnd(),
                          g.templateStart(),
                          g.templateEnd(),
                          g.kind().name().toLowerCase()))
              .toList());
    }
    return m;
  }
}
