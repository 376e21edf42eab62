package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.jinja.scan.SourceMap;
import dev.dbtls.project.Problem;
import java.util.List;
import java.util.Set;

/**
 * A node's compiled SQL (ephemeral parents injected as CTEs), or why it could not be compiled.
 * {@code sourceMap} (null when there is none) maps the SQL back to pieces of the template. {@code
 * macros}: the project's and packages' macros its render ran, its ephemeral parents' included
 * ({@code package.name}, see {@link dev.dbtls.jinja.Rendered#macros}); null when not known.
 */
public record CompiledNode(
    Node node,
    String sql,
    List<Problem> problems,
    boolean failed,
    SourceMap sourceMap,
    Set<String> macros) {
  /** Compiled without running a macro of the project or its packages. */
  public CompiledNode(
      Node node, String sql, List<Problem> problems, boolean failed, SourceMap sourceMap) {
    this(node, sql, problems, failed, sourceMap, Set.of());
  }

  public CompiledNode(Node node, String sql, List<Problem> problems, boolean failed) {
    this(node, sql, problems, failed, null);
  }
}
