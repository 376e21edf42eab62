package dev.dbtls.intellij.views;

import dev.dbtls.protocol.PlanFinding;
import dev.dbtls.protocol.PlanNode;
import dev.dbtls.protocol.StepHeat;
import java.util.List;
import java.util.Locale;

/**
 * One row of the Query Plan tree: the step and the findings about it. Its share, heat and
 * misestimate are the server's, drawn as they come.
 */
public record PlanStep(PlanNode node, List<PlanFinding> findings) {
  /** The step's share of the plan's time (or cost); null when unknown. */
  public Double share() {
    return node.share();
  }

  /** How hot the server says the step is. */
  public StepHeat heat() {
    return node.heat() == null ? StepHeat.NONE : node.heat();
  }

  /** The operator and what it reads: "SEQ_SCAN orders (source raw.orders)". */
  public String title() {
    StringBuilder s = new StringBuilder(node.operator() == null ? "step" : node.operator());
    if (node.relation() != null) {
      s.append("  ")
          .append(node.schema() == null ? "" : node.schema() + ".")
          .append(node.relation());
    } else if (node.cte() != null) {
      s.append("  cte ").append(node.cte());
    }
    if (node.source() != null && node.source().name() != null) {
      s.append("  ← ")
          .append(dev.dbtls.protocol.WireEnum.wire(node.source().kind()))
          .append(" ")
          .append(node.source().name());
    }
    return s.toString();
  }

  /**
   * The condition or filter, one line; for a step that reads no table and has neither, the
   * warehouse's own detail when it differs from the operator (Trino: the stage a step receives).
   */
  public String condition() {
    String c = node.condition() != null ? node.condition() : node.filter();
    if (c == null
        && node.relation() == null
        && node.detail() != null
        && !node.detail().equals(node.operator())) {
      c = node.detail();
    }
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
      s.append(s.isEmpty() ? "" : " · ")
          .append(String.format(Locale.ROOT, "%.1f ms", node.selfTimeMs()));
    }
    return s.toString();
  }

  /** The server flagged the row estimate as far off. */
  public boolean misestimated() {
    return node.misestimate() != null;
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
