package dev.dbtls.warehouse.findings;

import static dev.dbtls.warehouse.findings.PlanFigures.count;
import static dev.dbtls.warehouse.findings.PlanFigures.loops;
import static dev.dbtls.warehouse.findings.PlanFigures.times;

import dev.dbtls.warehouse.Finding;
import dev.dbtls.warehouse.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code row-estimate-off}: the planner's rows off from the actual rows by {@link
 * #ESTIMATE_OFF_FACTOR} times or more (not when both are under {@link #TINY_ROWS}), at the step
 * where it starts: judged bottom-up, so a step whose inputs are off is not reported again.
 */
final class RowEstimateOff {
  static final String KIND = "row-estimate-off";

  /** Estimated and actual rows this many times apart. */
  static final double ESTIMATE_OFF_FACTOR = 10;

  /** Row counts below this on both sides are too small to judge an estimate by. */
  static final double TINY_ROWS = 100;

  private RowEstimateOff() {}

  /** Adds the deepest steps whose estimate is off to {@code out}. */
  static void addTo(PlanNode root, String dialect, List<Finding> out) {
    estimates(root, dialect, out, 0);
  }

  /** Reports the deepest steps whose estimate is off; returns whether any step below is off. */
  private static boolean estimates(PlanNode n, String dialect, List<Finding> out, int depth) {
    boolean below = false;
    if (depth < 500) {
      for (PlanNode c : n.children()) {
        below |= estimates(c, dialect, out, depth + 1);
      }
    }
    boolean judged = n.relation() != null || join(n);
    if (!judged || n.actualRows() == null || n.estimatedRows() == null) {
      return below;
    }
    double a = n.actualRows();
    double e = n.estimatedRows();
    if (Math.max(a, e) < TINY_ROWS) {
      return below;
    }
    double factor = Math.max(a, e) / Math.max(1, Math.min(a, e));
    if (factor < ESTIMATE_OFF_FACTOR) {
      return below;
    }
    if (!below) {
      out.add(finding(n, dialect, a, e, factor));
    }
    return true;
  }

  private static Finding finding(
      PlanNode n, String dialect, double actual, double estimated, double factor) {
    String what = n.relation() != null ? n.qualifiedRelation() : n.operator();
    List<String> evidence = new ArrayList<>();
    evidence.add(
        n.operator()
            + (n.relation() == null ? "" : " on " + n.qualifiedRelation())
            + ": estimated "
            + count(estimated)
            + " rows, actually "
            + count(actual)
            + (loops(n) > 1 ? " (per loop, " + count(loops(n)) + " loops)" : ""));
    if (n.filter() != null) {
      evidence.add("filter: " + n.filter());
    }
    String advice;
    String reason;
    String confidence;
    if (n.relation() != null) {
      advice = analyzeStatement(n, dialect);
      evidence.add("statistics may be stale: " + advice + " refreshes them");
      confidence = Finding.MEDIUM;
      reason =
          "a filter on correlated columns or on an expression misleads the planner too,"
              + " with fresh statistics";
    } else {
      advice = "analyze the tables below it";
      evidence.add(
          "join estimates go wrong with stale statistics of the inputs or with"
              + " correlated join columns");
      confidence = Finding.LOW;
      reason = "a join's estimate depends on several tables and columns";
    }
    return new Finding(
        KIND,
        n.id(),
        "Row estimate off by "
            + times(factor)
            + " on "
            + what
            + " (estimated "
            + count(estimated)
            + ", actually "
            + count(actual)
            + "): "
            + advice,
        evidence,
        confidence,
        reason,
        null);
  }

  private static String analyzeStatement(PlanNode n, String dialect) {
    String table = IndexSql.table(n, dialect);
    return switch (dialect) {
      case "mariadb", "mysql" -> "analyze table " + table;
      default -> "analyze " + table;
    };
  }

  private static boolean join(PlanNode n) {
    String op = n.operator().toLowerCase(Locale.ROOT);
    return op.contains("join") || op.contains("nested loop") || op.equals("cross_product");
  }
}
