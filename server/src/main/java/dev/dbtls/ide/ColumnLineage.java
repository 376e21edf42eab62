package dev.dbtls.ide;

import dev.dbtls.columns.EdgeKind;
import dev.dbtls.project.Span;
import java.util.List;

/**
 * The lineage of one column ({@code dbt/columnLineage}, {@code dbtls lineage --column}): the
 * columns it derives from down to sources and seeds (negative depth), and the columns that use it
 * (positive depth), with labelled edges. A {@link Column} with a null {@code column} stands for a
 * node that reads the column only to filter or join its rows.
 */
public record ColumnLineage(
    String rootNode,
    String rootColumn,
    String message,
    List<Column> columns,
    List<Edge> edges,
    List<String> notes,
    boolean truncated) {

  public static ColumnLineage empty(String message) {
    return new ColumnLineage(null, null, message, List.of(), List.of(), List.of(), false);
  }

  /**
   * One column of one node: its type (null when unknown) and where the type came from ({@code sql},
   * {@code yaml}, {@code catalog}, {@code warehouse}, {@code parent}, {@code seed_file}), its
   * description, where the node produces it ({@code displayPath} and {@code span}, null when
   * unknown), its depth, and whether the node's columns are all known.
   */
  public record Column(
      String nodeId,
      String column,
      String resourceType,
      String nodeName,
      String type,
      String typeOrigin,
      String description,
      String displayPath,
      Span span,
      int depth,
      boolean nodeColumnsComplete) {
    String key() {
      return ColumnLineageWalk.key(nodeId, column);
    }
  }

  /** {@code to} derives from (or filters on) {@code from}. */
  public record Edge(
      String fromNode, String fromColumn, String toNode, String toColumn, EdgeKind kind) {}

  /**
   * Generations up and down (0: none on that side), whether filter/join edges are included, and a
   * cap on the columns of the answer.
   */
  public record Options(
      int upstreamDepth, int downstreamDepth, boolean includeFilters, int maxColumns) {
    public static final int DEFAULT_DEPTH = 100;
    public static final int DEFAULT_MAX_COLUMNS = 500;

    public Options {
      upstreamDepth = Math.max(0, upstreamDepth);
      downstreamDepth = Math.max(0, downstreamDepth);
      maxColumns = maxColumns <= 0 ? DEFAULT_MAX_COLUMNS : Math.min(maxColumns, 10_000);
    }

    public static Options of(Integer up, Integer down, Boolean filters, Integer max) {
      return new Options(
          up == null ? DEFAULT_DEPTH : up,
          down == null ? DEFAULT_DEPTH : down,
          filters == null || filters,
          max == null ? DEFAULT_MAX_COLUMNS : max);
    }
  }
}
