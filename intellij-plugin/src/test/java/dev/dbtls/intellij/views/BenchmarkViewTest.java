package dev.dbtls.intellij.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.intellij.Recorded;
import dev.dbtls.protocol.BenchmarkComparison;
import dev.dbtls.protocol.BenchmarkReport;
import dev.dbtls.protocol.BenchmarkStarted;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.BenchmarkVariant;
import dev.dbtls.protocol.WireEnum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Benchmark tab built from the real server's dbt/benchmarkFinished of stg_orders (buffer vs
 * saved file).
 */
class BenchmarkViewTest {
  @BeforeAll
  static void lookAndFeel() {
    Screenshot.lookAndFeel();
  }

  @Test
  void progressThenTheRunsTheStatisticsAndTheVerdict() throws Exception {
    BenchmarkStatus finished = Recorded.load("benchmark-stg-orders", BenchmarkStatus.class);
    BenchmarkReport report = finished.report();
    BenchmarkView view = new BenchmarkView();
    List<String> cancelled = new ArrayList<>();
    view.onCancel(() -> cancelled.add("cancel"));

    view.started(
        new BenchmarkStarted(
            finished.id(),
            "token",
            report.label(),
            report.variants().stream().map(BenchmarkVariant::label).toList(),
            List.of(),
            null));
    view.progress(9, finished.total());
    assertEquals(9 + " of " + finished.total() + " runs", view.progressBar().getString());
    assertTrue(view.cancelButton().isEnabled());
    view.cancelButton().doClick();
    assertEquals(List.of("cancel"), cancelled);
    Screenshot running = Screenshot.take(view, 900, 220, "intellij-benchmark-running");
    assertTrue(running.inked() > 0.03, "the view is not blank: " + running.inked());

    view.finished(finished);
    assertFalse(view.cancelButton().isEnabled());
    assertEquals(report.variants(), view.chart().variants(), "both variants' runs drawn");
    assertEquals(report.variants().size(), view.stats().getRowCount());
    for (int i = 0; i < report.variants().size(); i++) {
      assertEquals(report.variants().get(i).label(), view.stats().getValueAt(i, 0));
      assertEquals(
          Integer.toString(report.variants().get(i).stats().runs()), view.stats().getValueAt(i, 1));
    }
    BenchmarkComparison c = report.comparisons().get(0);
    assertTrue(
        view.verdictText()
            .startsWith(c.variant() + " vs " + c.baseline() + ": " + WireEnum.wire(c.verdict())),
        view.verdictText());
    assertTrue(
        view.verdictText()
            .contains(String.format(java.util.Locale.ROOT, "%.2f× to %.2f×", c.low(), c.high())),
        "the verdict with its interval: " + view.verdictText());
    Screenshot done = Screenshot.take(view, 900, 470, "intellij-benchmark");
    assertTrue(done.inked() > 0.03, "the view is not blank: " + done.inked());
    assertTrue(
        done.has(new java.awt.Rectangle(0, 0, 900, 300), DistributionChart.HUES[1]),
        "the variant's runs are drawn");
  }

  @Test
  void aBenchmarkWaitingForTheUserToAcceptItsScanOffersToRunIt() throws Exception {
    // the server's words for a BigQuery benchmark above dbtls.benchmark.confirmBytesAbove
    // (BigQueryRestContractTest): nothing ran, the report carries the bytes to accept
    String message =
        "not run yet: BigQuery's dry runs say the benchmark would scan 240.0 GB (a run: 'saved"
            + " file' 10.0 GB, 'buffer' 10.0 GB) in 12 runs per variant, warm-ups included, about"
            + " $1.37 on demand at the US list price ($6.25 per TiB; the minimum of 10 MB per query"
            + " billed aside), more than dbtls.benchmark.confirmBytesAbove (107.4 GB); confirm to"
            + " run it";
    BenchmarkReport report =
        new BenchmarkReport(
            null,
            "model orders: buffer vs saved file",
            "model.shop.orders",
            "bq",
            dev.dbtls.protocol.BenchmarkState.ERROR,
            null,
            List.of(),
            List.of(),
            List.of(),
            2100,
            new dev.dbtls.protocol.PreviewError("benchmark-cost-unconfirmed", message),
            240_000_000_000L,
            null);
    BenchmarkView view = new BenchmarkView();
    List<BenchmarkReport> accepted = new ArrayList<>();
    view.onAcceptCost(accepted::add);
    assertFalse(view.acceptCostButton().isVisible());
    view.finished(
        new BenchmarkStatus("7", dev.dbtls.protocol.BenchmarkState.ERROR, 0, 24, message, report));
    assertTrue(view.acceptCostButton().isVisible(), "the question is asked");
    assertTrue(view.verdictText().contains("about $1.37 on demand"), view.verdictText());
    Screenshot asked = Screenshot.take(view, 900, 300, "intellij-benchmark-cost");
    assertTrue(asked.inked() > 0.02, "the view is not blank: " + asked.inked());
    view.acceptCostButton().doClick();
    assertEquals(List.of(report), accepted, "run again, accepting what the report said");

    view.started(
        new BenchmarkStarted(
            "8", "token", report.label(), List.of("saved file", "buffer"), List.of(), null));
    assertFalse(view.acceptCostButton().isVisible(), "a new run asks nothing");

    // Snowflake's question is in credits, with no bytes: the same button
    BenchmarkReport credits =
        new BenchmarkReport(
            null,
            report.label(),
            report.nodeId(),
            "sf",
            dev.dbtls.protocol.BenchmarkState.ERROR,
            null,
            List.of(),
            List.of(),
            List.of(),
            900,
            new dev.dbtls.protocol.PreviewError(
                "benchmark-cost-unconfirmed", "not run yet: … at most 10.67 credits …"),
            null,
            10.666666);
    view.finished(
        new BenchmarkStatus("9", dev.dbtls.protocol.BenchmarkState.ERROR, 0, 24, "", credits));
    assertTrue(view.acceptCostButton().isVisible());
    view.acceptCostButton().doClick();
    assertEquals(List.of(report, credits), accepted);
  }

  @Test
  void theAxisEndsOnARoundNumber() {
    assertEquals(20, DistributionChart.niceMax(15.7));
    assertEquals(2.5, DistributionChart.niceMax(2.2));
    assertEquals(1000, DistributionChart.niceMax(1000));
  }
}
