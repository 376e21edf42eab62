package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.RunNode;
import dev.dbtls.protocol.RunResult;
import dev.dbtls.protocol.RunStatus;
import dev.dbtls.protocol.RunSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Run tab drawn from the real server's dbt/run build of a shop (recorded): while it runs its
 * nodes come in as dbt/runProgress tells them and Cancel is on; the answer settles each node —
 * built, passed, the singular test failing with dbt's message, what is downstream skipped — and the
 * header says dbt's counts.
 */
class RunViewTest {
  @BeforeAll
  static void lookAndFeel() {
    Screenshot.lookAndFeel();
  }

  @Test
  void aBuildLiveThenSettledByItsAnswer() throws Exception {
    RunResult result = Recorded.load("run-shop-build", RunResult.class);
    RunView view = new RunView();
    List<String> cancelled = new ArrayList<>();
    List<RunNode> opened = new ArrayList<>();
    view.onCancel(cancelled::add);
    view.onOpen(opened::add);

    view.started("run-1", "dbt build the project");
    RunNode first = result.results().get(0);
    view.progress(
        "run-1",
        new RunNode(
            "run-1",
            first.uniqueId(),
            first.name(),
            RunStatus.RUNNING,
            1,
            first.total(),
            null,
            null,
            null,
            first.uri(),
            first.range(),
            first.resourceType(),
            null));
    assertTrue(view.cancelEnabled(), "a running run can be cancelled");
    assertTrue(view.headerText().endsWith("running 0 of " + first.total()), view.headerText());
    assertEquals(
        List.of("running | " + first.name() + " | " + first.resourceType() + " |  | "),
        view.rowsText());
    Screenshot.take(view, 900, 360, "intellij-run-live");

    view.finished("run-1", result);
    assertFalse(view.cancelEnabled());
    assertTrue(
        view.headerText().startsWith("dbt build the project — Done. PASS=" + result.pass()),
        view.headerText());
    List<String> rows = view.rowsText();
    assertEquals(result.results().size(), rows.size());
    assertTrue(
        rows.stream().anyMatch(r -> r.startsWith("success | customers | model | CREATE VIEW")),
        rows.toString());
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.startsWith(
                        "fail | no_ann | test | Got 1 result, configured to fail if != 0")),
        rows.toString());
    assertTrue(
        rows.stream().anyMatch(r -> r.startsWith("skipped | orders | model | skipped: ")),
        rows.toString());
    Screenshot shot = Screenshot.take(view, 900, 360, "intellij-run");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());
  }

  /**
   * Earlier runs of the run history (dbt/runs) come below this session's, each with its nodes and
   * dbt's counts, and are shown when nothing else is.
   */
  @Test
  void earlierRunsOfTheHistoryAreListedWithTheirNodes() throws Exception {
    RunResult result = Recorded.load("run-shop-build", RunResult.class);
    RunView view = new RunView();
    view.earlier(
        List.of(
            new RunSummary(
                "old-1",
                "build",
                "dev",
                "2026-11-24T09:30:00Z",
                2.5,
                result.pass(),
                result.warn(),
                result.errors(),
                result.skip(),
                null,
                result.results())));
    assertTrue(
        view.headerText().startsWith("dbt build on dev — Done. PASS=" + result.pass()),
        view.headerText());
    assertEquals(result.results().size(), view.rowsText().size());
    assertFalse(view.cancelEnabled(), "a run of the history is over");
    Screenshot shot = Screenshot.take(view, 900, 360, "intellij-run-history");
    assertTrue(shot.inked() > 0.03, "the view is not blank: " + shot.inked());
    view.started("run-2", "dbt run orders");
    assertTrue(view.headerText().startsWith("dbt run orders — running"), view.headerText());
  }
}
