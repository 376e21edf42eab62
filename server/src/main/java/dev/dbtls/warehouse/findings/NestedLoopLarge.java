package dev.dbtls.warehouse.findings;

import static dev.dbtls.warehouse.findings.PlanFigures.count;
import static dev.dbtls.warehouse.findings.PlanFigures.rows;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.List;
import java.util.Set;

/**
 * {@code nested-loop-large}: a nested loop whose two sides both have at least {@link
 * #LARGE_LOOP_SIDE} rows, or whose product is {@link #LARGE_LOOP_PRODUCT} or more.
 */
final class NestedLoopLarge implements PlanRule {
  static final String KIND = "nested-loop-large";

  /** A nested loop side this large is large. */
  static final double LARGE_LOOP_SIDE = 10_000;

  /** A nested loop comparing this many row pairs is large. */
  static final double LARGE_LOOP_PRODUCT = 1e8;

  /** Whether the step is a nested loop (or a cross product) with its two sides. */
  static boolean nestedLoop(PlanNode n, String dialect) {
    boolean loop =
        switch (dialect) {
          case "postgres", "mariadb", "mysql" ->
              n.operator().equals("Nested Loop") || n.operator().equals("Block Nested Loop");
          case "duckdb" ->
              Set.of("NESTED_LOOP_JOIN", "BLOCKWISE_NL_JOIN", "CROSS_PRODUCT")
                  .contains(n.operator());
          default -> false;
        };
    return loop && n.children().size() >= 2;
  }

  @Override
  public Finding at(PlanNode n, PlanScope scope) {
    String dialect = scope.dialect();
    boolean analyzed = scope.analyzed();
    if (!nestedLoop(n, dialect)) {
      return null;
    }
    Double outer = rows(n.children().get(0), analyzed, false, dialect);
    Double inner = rows(n.children().get(1), analyzed, true, dialect);
    if (outer == null || inner == null) {
      return null;
    }
    double product = outer * inner;
    if (!(outer >= LARGE_LOOP_SIDE && inner >= LARGE_LOOP_SIDE) && product < LARGE_LOOP_PRODUCT) {
      return null;
    }
    boolean measured = analyzed && n.children().get(0).actualRows() != null;
    List<String> evidence =
        List.of(
            "outer side: " + count(outer) + " rows",
            "inner side: " + count(inner) + " rows for each outer row",
            "about " + count(product) + " row pairs compared");
    return new Finding(
        KIND,
        n.id(),
        "Nested loop over large inputs ("
            + count(outer)
            + " × "
            + count(inner)
            + " rows): a join condition the warehouse can hash"
            + " or an index on the inner side's join column would avoid it",
        evidence,
        Finding.MEDIUM,
        (measured ? "measured" : "from estimates")
            + "; a nested loop can still be right when the inner side is cached",
        null);
  }
}
