package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.jinja.scan.SourceMap;
import dev.dbtls.project.Problem;
import java.util.List;

/**
 * A node's compiled SQL (ephemeral parents injected as CTEs), or why it could not be compiled.
 * {@code sourceMap} (null when there is none) maps the SQL back to pieces of the template.
 */
public record CompiledNode(
    Node node, String sql, List<Problem> problems, boolean failed, SourceMap sourceMap) {
  public CompiledNode(Node node, String sql, List<Problem> problems, boolean failed) {
    this(node, sql, problems, failed, null);
  }
}
