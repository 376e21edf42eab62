package dev.dbtls.intellij.views;

import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.PlanFinding;
import dev.dbtls.protocol.PlanNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

/**
 * The plan of a {@code dbt/explain} answer as a tree of {@link PlanStep}s: each step's share of
 * the time when analyzed (the server's {@code timeShare}, else shares of self time), else of the
 * planner's cost; the hot steps — any at least {@link #HOT_SHARE}, and the top steps that
 * together make most of the time — as the VS Code plan view marks them.
 */
public final class PlanTreeModel extends DefaultTreeModel {
  /** A step at or above this share is always hot. */
  public static final double HOT_SHARE = 0.2;
  /** A hot step at or above this share is drawn red, below it orange. */
  public static final double HIGH_SHARE = 0.4;
  /** The top steps together making this much of the time are hot... */
  public static final double MOST_OF_TIME = 0.6;
  /** ...when each is at least this much. */
  public static final double MIN_HOT_SHARE = 0.08;

  private final List<PlanStep> steps = new ArrayList<>();

  public PlanTreeModel(ExplainResult result) {
    super(new DefaultMutableTreeNode(result.target() == null ? "plan" : "plan on " + result.target()));
    if (result.plan() == null) {
      return;
    }
    List<PlanNode> nodes = new ArrayList<>();
    depthFirst(result.plan(), nodes);
    Double[] shares = shares(nodes, result.analyzed());
    PlanStep.Heat[] heat = heat(shares);
    List<PlanFinding> findings = result.findings() == null ? List.of() : result.findings();
    for (int i = 0; i < nodes.size(); i++) {
      String id = nodes.get(i).id();
      steps.add(new PlanStep(nodes.get(i), shares[i], heat[i],
          findings.stream().filter(f -> id != null && id.equals(f.planNodeId())).toList()));
    }
    int[] next = {0};
    setRoot(build(result.plan(), next));
  }

  /** The steps depth first, parents before children. */
  public List<PlanStep> steps() {
    return steps;
  }

  private DefaultMutableTreeNode build(PlanNode node, int[] next) {
    DefaultMutableTreeNode tree = new DefaultMutableTreeNode(steps.get(next[0]++));
    if (node.children() != null) {
      node.children().forEach(c -> tree.add(build(c, next)));
    }
    return tree;
  }

  private static void depthFirst(PlanNode n, List<PlanNode> out) {
    out.add(n);
    if (n.children() != null) {
      n.children().forEach(c -> depthFirst(c, out));
    }
  }

  static Double[] shares(List<PlanNode> nodes, boolean analyzed) {
    Double[] out = new Double[nodes.size()];
    if (analyzed && nodes.stream().anyMatch(n -> n.timeShare() != null)) {
      for (int i = 0; i < out.length; i++) {
        Double s = nodes.get(i).timeShare();
        out[i] = s == null ? null : Math.max(0, Math.min(1, s));
      }
      return out;
    }
    double selfTotal = nodes.stream().filter(n -> n.selfTimeMs() != null).mapToDouble(PlanNode::selfTimeMs).sum();
    if (analyzed && selfTotal > 0) {
      for (int i = 0; i < out.length; i++) {
        Double t = nodes.get(i).selfTimeMs();
        out[i] = t == null ? null : t / selfTotal;
      }
      return out;
    }
    // the planner's cost of the step alone (PostgreSQL's includes its children's)
    double[] self = new double[out.length];
    double total = 0;
    for (int i = 0; i < out.length; i++) {
      PlanNode n = nodes.get(i);
      if (n.estimatedCost() == null) {
        self[i] = -1;
        continue;
      }
      double children = n.children() == null ? 0 : n.children().stream()
          .filter(c -> c.estimatedCost() != null).mapToDouble(PlanNode::estimatedCost).sum();
      self[i] = Math.max(0, n.estimatedCost() >= children ? n.estimatedCost() - children : n.estimatedCost());
      total += self[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = total > 0 && self[i] >= 0 ? self[i] / total : null;
    }
    return out;
  }

  static PlanStep.Heat[] heat(Double[] shares) {
    PlanStep.Heat[] heat = new PlanStep.Heat[shares.length];
    java.util.Arrays.fill(heat, PlanStep.Heat.NONE);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] != null && shares[i] > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble((Integer i) -> shares[i]).reversed());
    double acc = 0;
    for (int i : order) {
      double s = shares[i];
      boolean inTop = acc < MOST_OF_TIME && s >= MIN_HOT_SHARE;
      boolean hottest = acc == 0 && s >= HOT_SHARE;
      if (s >= HOT_SHARE || inTop) {
        heat[i] = s >= HIGH_SHARE || hottest ? PlanStep.Heat.HIGH : PlanStep.Heat.WARM;
      } else {
        break;
      }
      acc += s;
    }
    return heat;
  }
}
