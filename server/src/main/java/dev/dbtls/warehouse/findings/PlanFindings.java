package dev.dbtls.warehouse.findings;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What looks wrong in a plan, each finding with its evidence and a confidence: the step rules
 * ({@link SeqScanSelectiveFilter}, {@link SpillToDisk}, {@link JoinWithoutCondition}, {@link
 * NestedLoopLarge}, {@link DataMovement}, {@link NoPruning}) at every step, parents first, then
 * {@link RowEstimateOff} for an analyzed plan.
 *
 * <p>Pure: reads the plan and the table sizes only; never throws on odd plans.
 */
public final class PlanFindings {
  private static final List<PlanRule> STEP_RULES =
      List.of(
          new SeqScanSelectiveFilter(),
          new SpillToDisk(),
          new JoinWithoutCondition(),
          new NestedLoopLarge(),
          new DataMovement(),
          new NoPruning());

  private PlanFindings() {}

  /**
   * The findings for a plan of {@code dialect} (postgres, duckdb, mariadb, mysql, sqlite), with the
   * tables' row counts by {@code schema.table} (may be empty).
   */
  public static List<Finding> of(
      PlanNode root, String dialect, Map<String, Double> tableRows, boolean analyzed) {
    List<Finding> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    String d = dialect == null ? "" : dialect;
    Map<String, Double> sizes = tableRows == null ? Map.of() : tableRows;
    try {
      walk(root, d, sizes, analyzed, out, 0, 1);
      if (analyzed) {
        RowEstimateOff.addTo(root, d, out);
      }
    } catch (RuntimeException e) {
      // a plan shaped unlike any seen: the findings so far stand
    }
    return out;
  }

  private static void walk(
      PlanNode n,
      String dialect,
      Map<String, Double> sizes,
      boolean analyzed,
      List<Finding> out,
      int depth,
      double parallel) {
    if (depth > 500) {
      return;
    }
    if (n.property("Workers Planned") != null) {
      // PostgreSQL estimates a parallel step's rows per process: workers plus the leader's part
      double w = PlanFigures.number(n.property("Workers Planned"));
      parallel = w + Math.max(0, 1 - 0.3 * w);
    }
    double processes = "true".equals(n.property("Parallel Aware")) ? parallel : 1;
    PlanScope scope = new PlanScope(dialect, sizes, analyzed, processes);
    for (PlanRule rule : STEP_RULES) {
      Finding f = rule.at(n, scope);
      if (f != null) {
        out.add(f);
      }
    }
    for (PlanNode c : n.children()) {
      walk(c, dialect, sizes, analyzed, out, depth + 1, parallel);
    }
  }
}
