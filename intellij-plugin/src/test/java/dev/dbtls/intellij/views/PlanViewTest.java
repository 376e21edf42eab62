package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.ExplainResult;
import dev.dbtls.protocol.PlanLocation;
import dev.dbtls.protocol.StepHeat;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Query Plan tree built from the real server's analyzed plans of jaffle_shop on DuckDB. */
class PlanViewTest {
  @BeforeAll
  static void lookAndFeel() {
    Screenshot.lookAndFeel();
  }

  private static int row(PlanView view, java.util.function.Predicate<PlanStep> which) {
    for (int r = 0; r < view.tree().getRowCount(); r++) {
      Object o =
          ((DefaultMutableTreeNode) view.tree().getPathForRow(r).getLastPathComponent())
              .getUserObject();
      if (o instanceof PlanStep s && which.test(s)) {
        return r;
      }
    }
    throw new AssertionError("no such step");
  }

  @Test
  void trinosStagesInOneTree() throws Exception {
    ExplainResult plan = Recorded.load("explain-trino-analyzed", ExplainResult.class);
    PlanView view = new PlanView();
    view.show(plan);
    PlanTreeModel model = (PlanTreeModel) view.tree().getModel();
    assertEquals(10, model.steps().size());
    assertEquals(model.steps().size(), view.tree().getRowCount(), "every step shown, all expanded");
    PlanStep hottest =
        model.steps().stream()
            .max(java.util.Comparator.comparingDouble(PlanStep::share))
            .orElseThrow();
    assertEquals("ScanFilterProject", hottest.node().operator());
    assertEquals(StepHeat.HIGH, hottest.heat());
    List<String> receivers =
        model.steps().stream()
            .filter(s -> "RemoteSource".equals(s.node().operator()))
            .map(s -> s.condition().replaceAll("stage \\d+", "stage N"))
            .toList();
    assertEquals(List.of("receives stage N (HASH)", "receives stage N (BROADCAST)"), receivers);
    Screenshot shot = Screenshot.take(view, 1100, 520, "intellij-plan-trino");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());
  }

  @Test
  void hotStepsSharesAndTheJumpToTheSource() throws Exception {
    ExplainResult plan = Recorded.load("explain-orders", ExplainResult.class);
    PlanView view = new PlanView();
    List<PlanLocation> jumps = new ArrayList<>();
    view.onJump(jumps::add);
    view.show(plan);

    PlanTreeModel model = (PlanTreeModel) view.tree().getModel();
    assertEquals(model.steps().size(), view.tree().getRowCount(), "every step shown, all expanded");
    double shares =
        model.steps().stream().mapToDouble(s -> s.share() == null ? 0 : s.share()).sum();
    assertEquals(1.0, shares, 0.02);
    PlanStep hottest =
        model.steps().stream()
            .max(java.util.Comparator.comparingDouble(PlanStep::share))
            .orElseThrow();
    assertEquals(StepHeat.HIGH, hottest.heat(), "the step with most of the time is hot");
    // under the server's smallest hot share (PlanHeat.MIN_HOT_SHARE)
    assertTrue(
        model.steps().stream()
            .filter(s -> s.share() < 0.08)
            .allMatch(s -> s.heat() == StepHeat.NONE),
        "small steps are never hot");
    assertTrue(view.headerText().contains("analyzed"), view.headerText());

    Screenshot shot = Screenshot.take(view, 1100, 520, "intellij-plan");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());
    int hotRow = row(view, s -> s == hottest);
    Rectangle bar =
        SwingUtilities.convertRectangle(view.tree(), view.tree().getRowBounds(hotRow), view);
    bar.width = PlanStepRenderer.BAR + 40;
    assertTrue(shot.has(bar, Palette.hot()), "the hot step's share bar is drawn red");

    // a double-click on the scan traced to stg_orders' ref() jumps to it
    int scan = row(view, s -> s.node().source() != null);
    Rectangle r = view.tree().getRowBounds(scan);
    view.tree()
        .dispatchEvent(
            new MouseEvent(
                view.tree(),
                MouseEvent.MOUSE_CLICKED,
                0,
                0,
                r.x + 20,
                r.y + r.height / 2,
                2,
                false,
                MouseEvent.BUTTON1));
    PlanLocation source =
        ((PlanStep)
                ((DefaultMutableTreeNode) view.tree().getPathForRow(scan).getLastPathComponent())
                    .getUserObject())
            .node()
            .source();
    assertEquals(List.of(source), jumps);
    assertTrue(source.uri().startsWith("file:") && source.uri().endsWith(".sql"), source.uri());
    assertNotNull(source.range());
  }

  @Test
  void findingsWithEvidenceAndTheSqlTheySuggest() throws Exception {
    ExplainResult plan = Recorded.load("explain-person-by-email", ExplainResult.class);
    PlanView view = new PlanView();
    view.show(plan);
    String html = view.detailsHtml();
    var finding = plan.findings().get(0);
    assertTrue(html.contains(finding.title().split(" ")[0]), html);
    assertTrue(html.contains("create index"), html);
    for (String evidence : finding.evidence()) {
      assertTrue(html.contains(ResultsView.escape(evidence).split(" ")[0]), evidence);
    }
    PlanTreeModel model = (PlanTreeModel) view.tree().getModel();
    assertTrue(
        model.steps().stream().anyMatch(s -> !s.findings().isEmpty()),
        "the finding sits on its step");
    Screenshot shot = Screenshot.take(view, 1100, 560, "intellij-plan-finding");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());
  }
}
