package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.jinja.RenderReads;
import dev.dbtls.jinja.scan.SourceMap;
import dev.dbtls.project.Problem;
import java.util.List;
import java.util.Set;

/**
 * A node's compiled SQL (ephemeral parents injected as CTEs), or why it could not be compiled.
 * {@code sourceMap} (null when there is none) maps the SQL back to pieces of the template. {@code
 * reads}: what its render read besides its template ({@link RenderReads}: the macros it ran, the
 * environment variables it read, what none of its inputs holds), its ephemeral parents' included;
 * null when not known.
 */
public record CompiledNode(
    Node node,
    String sql,
    List<Problem> problems,
    boolean failed,
    SourceMap sourceMap,
    RenderReads reads) {
  /** Compiled without running a macro of the project or its packages or reading anything else. */
  public CompiledNode(
      Node node, String sql, List<Problem> problems, boolean failed, SourceMap sourceMap) {
    this(node, sql, problems, failed, sourceMap, RenderReads.NONE);
  }

  /**
   * The project's and packages' macros its render ran ({@code package.name}, see {@link
   * dev.dbtls.jinja.Rendered#macros}), its ephemeral parents' included; null when not known.
   */
  public Set<String> macros() {
    return reads == null ? null : reads.macros();
  }

  public CompiledNode(Node node, String sql, List<Problem> problems, boolean failed) {
    this(node, sql, problems, failed, null);
  }
}
