package dev.dbtls.ide;

import dev.dbtls.project.Span;
import java.util.List;

/**
 * A node's lineage, plain data: the root's unique id (null when there is none, and {@code message}
 * says why), the nodes around it in breadth-first order of their depth, the edges between them
 * (parent to child) and whether {@link Options#maxNodes} cut it short.
 */
public record Lineage(
    String root, String message, List<Node> nodes, List<Edge> edges, boolean truncated) {

  /** No lineage, and why. */
  public static Lineage empty(String message) {
    return new Lineage(null, message, List.of(), List.of(), false);
  }

  /**
   * One node: {@code displayPath} is the file that defines it relative to the root project (a
   * model's SQL, a source's or exposure's property YAML, a seed's CSV), {@code span} its definition
   * there (null when unknown); {@code depth} is negative upstream, 0 for the root, positive
   * downstream; the hidden counts are its parents and children (of the kinds asked for) left out of
   * the answer.
   */
  public record Node(
      String id,
      String resourceType,
      String name,
      String packageName,
      String materialization,
      String displayPath,
      Span span,
      String description,
      int depth,
      int hiddenUpstream,
      int hiddenDownstream) {}

  /** {@code to} depends on {@code from}. */
  public record Edge(String from, String to) {}

  /**
   * What to walk: generations up and down (0: none), whether data tests are part of the graph, and
   * at most how many nodes to answer (at least the root).
   */
  public record Options(
      int upstreamDepth, int downstreamDepth, boolean includeTests, int maxNodes) {
    public static final int DEFAULT_DEPTH = 2;
    public static final int DEFAULT_MAX_NODES = 200;

    /** The most nodes one answer carries, whatever is asked. */
    public static final int MAX_NODES_LIMIT = 5000;

    public Options {
      upstreamDepth = Math.max(0, upstreamDepth);
      downstreamDepth = Math.max(0, downstreamDepth);
      maxNodes = Math.max(1, Math.min(MAX_NODES_LIMIT, maxNodes));
    }

    /**
     * Defaults for what is null: depths 2, no tests, 200 nodes; a negative depth is the default.
     */
    public static Options of(Integer up, Integer down, Boolean tests, Integer maxNodes) {
      return new Options(
          up == null || up < 0 ? DEFAULT_DEPTH : up,
          down == null || down < 0 ? DEFAULT_DEPTH : down,
          Boolean.TRUE.equals(tests),
          maxNodes == null || maxNodes <= 0 ? DEFAULT_MAX_NODES : maxNodes);
    }
  }
}
