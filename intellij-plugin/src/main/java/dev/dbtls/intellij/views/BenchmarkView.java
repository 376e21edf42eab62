package dev.dbtls.intellij.views;

import dev.dbtls.protocol.BenchmarkComparison;
import dev.dbtls.protocol.BenchmarkReport;
import dev.dbtls.protocol.BenchmarkStarted;
import dev.dbtls.protocol.BenchmarkStatus;
import dev.dbtls.protocol.WireEnum;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;

/**
 * The Benchmark tab: while the job runs, its runs done of the total and Cancel; when it ends, the
 * runs of every variant on one axis, the statistics table, and the verdict with its interval and
 * the notes a reader must know (sampled data, no result cache, time budget).
 */
public final class BenchmarkView extends JPanel {
  private final JLabel title = new JLabel(" ");
  private final JProgressBar progress = new JProgressBar();
  private final JButton cancel = new JButton("Cancel");
  private final JButton acceptCost = new JButton("Run it at that cost");
  private final DistributionChart chart = new DistributionChart();
  private final BenchmarkStatsModel stats = new BenchmarkStatsModel();
  private final JTable table = new JTable(stats);
  private final JLabel verdict = new JLabel(" ");
  private final RatioInterval interval = new RatioInterval();
  private final JLabel notes = new JLabel(" ");
  private final JPanel bottom = new JPanel();
  private final JScrollPane tableScroll;
  private Runnable onCancel = () -> {};
  private java.util.function.Consumer<BenchmarkReport> onAcceptCost = report -> {};
  private BenchmarkReport costAsked;
  private boolean running;

  public BenchmarkView() {
    super(new BorderLayout());
    JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
    progress.setStringPainted(true);
    progress.setPreferredSize(new Dimension(220, progress.getPreferredSize().height));
    top.add(title);
    top.add(progress);
    top.add(cancel);
    top.add(acceptCost);
    cancel.addActionListener(e -> onCancel.run());
    cancel.setEnabled(false);
    acceptCost.addActionListener(e -> onAcceptCost.accept(costAsked));
    acceptCost.setVisible(false);
    chart.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
    table.setFillsViewportHeight(true);
    javax.swing.table.DefaultTableCellRenderer numbers =
        new javax.swing.table.DefaultTableCellRenderer();
    numbers.setHorizontalAlignment(javax.swing.SwingConstants.RIGHT);
    for (int c = 1; c < stats.getColumnCount(); c++) {
      table.getColumnModel().getColumn(c).setCellRenderer(numbers);
    }
    tableScroll = new JScrollPane(table);
    tableScroll.setColumnHeaderView(table.getTableHeader());
    tableScroll.setPreferredSize(new Dimension(400, table.getRowHeight() * 5 + 8));
    verdict.setFont(verdict.getFont().deriveFont(Font.BOLD));
    bottom.setLayout(new BoxLayout(bottom, BoxLayout.Y_AXIS));
    bottom.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
    for (javax.swing.JComponent c :
        new javax.swing.JComponent[] {tableScroll, verdict, interval, notes}) {
      c.setAlignmentX(LEFT_ALIGNMENT);
    }
    bottom.add(tableScroll);
    bottom.add(Box.createVerticalStrut(6));
    bottom.add(verdict);
    bottom.add(interval);
    bottom.add(notes);
    add(top, BorderLayout.NORTH);
    add(chart, BorderLayout.CENTER);
    add(bottom, BorderLayout.SOUTH);
  }

  /** Cancel sends {@code dbt/benchmarkCancel}. */
  public void onCancel(Runnable action) {
    this.onCancel = action;
  }

  /**
   * The user agreed to what a benchmark that ended with {@code benchmark-cost-unconfirmed} scans or
   * spends: start it again accepting what its report says ({@code scanBytes}, {@code maxCredits}).
   */
  public void onAcceptCost(java.util.function.Consumer<BenchmarkReport> action) {
    this.onAcceptCost = action;
  }

  /** Shown only when the last benchmark waits for the user to accept what it scans. */
  public JButton acceptCostButton() {
    return acceptCost;
  }

  public DistributionChart chart() {
    return chart;
  }

  public BenchmarkStatsModel stats() {
    return stats;
  }

  public JProgressBar progressBar() {
    return progress;
  }

  public JButton cancelButton() {
    return cancel;
  }

  public String titleText() {
    return title.getText();
  }

  public String verdictText() {
    return verdict.getText();
  }

  /** The job started ({@code dbt/benchmark}'s answer). */
  public void started(BenchmarkStarted started) {
    acceptCost.setVisible(false);
    chart.setVisible(true);
    tableScroll.setVisible(true);
    chart.show(null);
    stats.show(null);
    interval.show(null);
    notes.setText(" ");
    if (started.error() != null) {
      ended(started.label() == null ? "Benchmark" : started.label(), started.error().message());
      return;
    }
    title.setText(started.label());
    bottom.setVisible(false);
    running = true;
    cancel.setEnabled(true);
    progress.setIndeterminate(true);
    progress.setString("starting…");
    verdict.setText(" ");
  }

  /**
   * {@code done} of {@code total} runs (from {@code $/progress} or {@code dbt/benchmarkStatus}).
   */
  public void progress(int done, int total) {
    if (!running) {
      return;
    }
    progress.setIndeterminate(total <= 0);
    progress.setMaximum(Math.max(total, 1));
    progress.setValue(done);
    progress.setString(done + " of " + total + " runs");
  }

  /** The job ended ({@code dbt/benchmarkFinished}): the chart, the statistics and the verdict. */
  public void finished(BenchmarkStatus status) {
    running = false;
    cancel.setEnabled(false);
    progress.setIndeterminate(false);
    progress.setMaximum(Math.max(status.total(), 1));
    progress.setValue(status.done());
    progress.setString(
        status.done()
            + " of "
            + status.total()
            + " runs · "
            + dev.dbtls.protocol.WireEnum.wire(status.state()));
    BenchmarkReport report = status.report();
    if (report == null) {
      ended(
          title.getText(),
          status.message() == null
              ? dev.dbtls.protocol.WireEnum.wire(status.state())
              : status.message());
      return;
    }
    title.setText(report.label());
    bottom.setVisible(true);
    chart.show(report.variants());
    stats.show(report.variants());
    boolean asked =
        report.error() != null
            && COST_UNCONFIRMED.equals(report.error().code())
            && (report.scanBytes() != null || report.maxCredits() != null);
    chart.setVisible(!asked);
    tableScroll.setVisible(!asked);
    if (asked) {
      progress.setString("not run: waiting for you to accept its cost");
      costAsked = report;
      acceptCost.setVisible(true);
      verdict.setText(
          "<html><body style='width: 640px'>"
              + ResultsView.escape(report.error().message())
              + "</body></html>");
      verdict.setForeground(Palette.foreground());
    } else if (report.error() != null) {
      verdict.setText(report.error().message());
      verdict.setForeground(Palette.hot());
    } else if (report.comparisons() != null && !report.comparisons().isEmpty()) {
      BenchmarkComparison c = report.comparisons().get(0);
      verdict.setText(verdictLine(c));
      verdict.setForeground(RatioInterval.verdictColor(c.verdict()));
      interval.show(c);
    } else {
      verdict.setText(
          report.variants().isEmpty()
              ? " "
              : "median "
                  + DistributionChart.ms(report.variants().get(0).stats().median())
                  + " over "
                  + report.variants().get(0).stats().runs()
                  + " runs");
      verdict.setForeground(Palette.foreground());
    }
    java.util.List<String> n = new java.util.ArrayList<>();
    if (report.sandbox() != null) {
      n.add(report.sandbox());
    }
    if (report.notes() != null) {
      n.addAll(report.notes());
    }
    notes.setText(
        n.isEmpty() ? " " : "<html>" + ResultsView.escape(String.join(" · ", n)) + "</html>");
    notes.setForeground(Palette.muted());
  }

  /** The error code of a benchmark not run until the user accepts what it scans. */
  static final String COST_UNCONFIRMED = "benchmark-cost-unconfirmed";

  /**
   * "buffer vs saved file: no significant difference — 3.22× the time (95 % interval 0.61× to
   * 8.48×)".
   */
  static String verdictLine(BenchmarkComparison c) {
    StringBuilder s =
        new StringBuilder(
            c.variant()
                + " vs "
                + c.baseline()
                + ": "
                + (c.verdict() == null ? null : WireEnum.wire(c.verdict())));
    if (c.ratio() != null) {
      s.append(String.format(Locale.ROOT, " — %.2f× the time", c.ratio()));
      if (c.low() != null && c.high() != null) {
        s.append(String.format(Locale.ROOT, " (95 %% interval %.2f× to %.2f×)", c.low(), c.high()));
      }
    }
    return s.toString();
  }

  private void ended(String what, String why) {
    running = false;
    bottom.setVisible(true);
    cancel.setEnabled(false);
    progress.setIndeterminate(false);
    title.setText(what);
    verdict.setText(why);
    verdict.setForeground(Palette.hot());
  }
}
