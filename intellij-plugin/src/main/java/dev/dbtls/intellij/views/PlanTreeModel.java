package dev.dbtls.intellij.views;

import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.PlanFinding;
import dev.dbtls.protocol.PlanNode;
import java.util.ArrayList;
import java.util.List;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

/**
 * The plan of a {@code dbt/explain} answer as a tree of {@link PlanStep}s, each with the server's
 * share, heat and misestimate of its step.
 */
public final class PlanTreeModel extends DefaultTreeModel {
  private final List<PlanStep> steps = new ArrayList<>();

  public PlanTreeModel(ExplainResult result) {
    super(
        new DefaultMutableTreeNode(
            result.target() == null ? "plan" : "plan on " + result.target()));
    if (result.plan() == null) {
      return;
    }
    List<PlanNode> nodes = new ArrayList<>();
    depthFirst(result.plan(), nodes);
    List<PlanFinding> findings = result.findings() == null ? List.of() : result.findings();
    for (int i = 0; i < nodes.size(); i++) {
      String id = nodes.get(i).id();
      steps.add(
          new PlanStep(
              nodes.get(i),
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
}
