package dev.dbtls.intellij.views;

import dev.dbtls.protocol.PlanFinding;
import dev.dbtls.protocol.PlanNode;
import java.util.List;
import java.util.Locale;

/**
 * One row of the Query Plan tree: the step, its share of the plan's time (or cost; null when
 * unknown), how hot it is, and the findings about it.
 */
public record PlanStep(PlanNode node, Double share, Heat heat, List<PlanFinding> findings) {
  /** How hot a step is. */
  public enum Heat { NONE, WARM, HIGH }

  /** The operator and what it reads: "SEQ_SCAN orders (source raw.orders)". */
  public String title() {
    StringBuilder s = new StringBuilder(node.operator() == null ? "step" : node.operator());
    if (node.relation() != null) {
      s.append("  ").append(node.schema() == null ? "" : node.schema() + ".").append(node.relation());
    } else if (node.cte() != null) {
      s.append("  cte ").append(node.cte());
    }
    if (node.source() != null && node.source().name() != null) {
      s.append("  ← ").append(node.source().kind()).append(" ").append(node.source().name());
    }
    return s.toString();
  }

  /** The condition or filter, one line. */
  public String condition() {
    String c = node.condition() != null ? node.condition() : node.filter();
    return c == null ? null : c.replaceAll("\\s+", " ");
  }

  /** "est 1.2k · actual 90 rows · 3.1 ms"; the parts the warehouse said. */
  public String figures() {
    StringBuilder s = new StringBuilder();
    if (node.estimatedRows() != null) {
      s.append("est ").append(count(node.estimatedRows()));
    }
    if (node.actualRows() != null) {
      s.append(s.isEmpty() ? "" : " · ").append("actual ").append(count(node.actualRows()));
    }
    if (!s.isEmpty()) {
      s.append(" rows");
    }
    if (node.selfTimeMs() != null) {
      s.append(s.isEmpty() ? "" : " · ").append(String.format(Locale.ROOT, "%.1f ms", node.selfTimeMs()));
    }
    return s.toString();
  }

  /** Actual rows are at least ten times off the estimate on at least 100 rows. */
  public boolean misestimated() {
    Double e = node.estimatedRows();
    Double a = node.actualRows();
    if (e == null || a == null || Math.max(e, a) < 100) {
      return false;
    }
    return Math.max(e, a) / Math.max(1, Math.min(e, a)) >= 10;
  }

  /** 1234 → "1,234"; 1.5e6 → "1.5M". */
  static String count(double n) {
    if (n >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    return String.format(Locale.ROOT, "%,d", Math.round(n));
  }

  @Override
  public String toString() {
    return title();
  }
}
