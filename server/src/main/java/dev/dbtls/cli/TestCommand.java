package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.Selector;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.TestResult;
import dev.dbtls.run.TestRun;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls test}: dbt's {@code test} without dbt — the selected data tests run on the target
 * (parents not built yet put in front as CTEs), each line printed as dbt prints it, the results in
 * {@code target/run_results.json}, and dbt's exit code: 1 when a test failed or could not run.
 */
@Command(
    name = "test",
    description = "Run the selected data tests on the target, like dbt test (read-only).")
final class TestCommand implements Callable<Integer> {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int WIDTH = 80;

  @Mixin ProjectOptions project;

  @Option(names = "--threads", description = "Tests run at once (default: the target's threads)")
  Integer threads;

  @Option(
      names = {"--fail-fast", "-x"},
      description = "Stop at the first test that fails or errors; the rest are skipped")
  boolean failFast;

  @Option(
      names = "--timeout",
      description = "Seconds one test may take (default: ${DEFAULT-VALUE})")
  int timeout = 300;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    List<String> errors = new ArrayList<>();
    ProjectSnapshot s = project.snapshot(errors, true);
    List<Problem> problems = new ArrayList<>(s.manifest().problems());
    Selector selector = new Selector(s.manifest());
    List<Node> tests =
        DataTests.among(
            s,
            selector.select(project.select, project.exclude),
            project.exclude.isEmpty() ? List.of() : selector.select(project.exclude, List.of()));
    problems.addAll(selector.problems());
    int exit = Reporter.report(problems.stream().filter(p -> p.isError()).toList(), errors);
    if (exit != 0) {
      return exit;
    }
    int n = threads != null ? threads : Math.max(1, s.inputs().target().threads());
    say(
        "Concurrency: "
            + n
            + " thread"
            + (n == 1 ? "" : "s")
            + " (target='"
            + s.inputs().target().name()
            + "')");
    if (tests.isEmpty()) {
      say("Nothing to do. Try checking your model configs and model specification args");
      return 0;
    }
    QueryCancel cancel = new QueryCancel();
    Thread hook = new Thread(cancel::cancel);
    Runtime.getRuntime().addShutdownHook(hook);
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("which", "test");
    args.put("select", project.select);
    args.put("exclude", project.exclude);
    args.put("threads", n);
    args.put("fail_fast", failFast);
    args.put("target", s.inputs().target().name());
    TestRun run;
    try (Warehouses warehouses = new Warehouses()) {
      run =
          TestRun.of(
              s,
              tests,
              warehouses,
              new DataTests.Options(n, failFast, timeout, cancel),
              new DataTests.Listener() {
                @Override
                public void started(int index, int total, Node test) {
                  say(line(index + " of " + total + " START test " + test.name(), "RUN"));
                }

                @Override
                public void finished(int index, int total, TestResult r) {
                  say(line(index + " of " + total + " " + word(r) + " " + r.name(), status(r)));
                }
              },
              args);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
    }
    if (run.writeError() != null) {
      System.err.println("dbtls: " + run.writeError());
    }
    List<TestResult> results = run.results();
    double seconds = (System.nanoTime() - t0) / 1e9;
    summary(s, results, seconds);
    return results.stream()
            .anyMatch(
                r -> r.status() == TestResult.Status.FAIL || r.status() == TestResult.Status.ERROR)
        ? 1
        : 0;
  }

  private void summary(ProjectSnapshot s, List<TestResult> results, double seconds) {
    say("");
    say(
        String.format(
            Locale.ROOT,
            "Finished running %d data test%s in %d hours %d minutes and %.2f seconds (%.2fs).",
            results.size(),
            results.size() == 1 ? "" : "s",
            (long) seconds / 3600,
            (long) seconds % 3600 / 60,
            seconds % 60,
            seconds));
    long pass = count(results, TestResult.Status.PASS);
    long warn = count(results, TestResult.Status.WARN);
    long error = count(results, TestResult.Status.FAIL) + count(results, TestResult.Status.ERROR);
    long skip = count(results, TestResult.Status.SKIPPED);
    say("");
    if (error + warn == 0) {
      say("Completed successfully");
    } else {
      say(
          "Completed with "
              + error
              + " error"
              + (error == 1 ? "" : "s")
              + ", 0 partial successes, and "
              + warn
              + " warning"
              + (warn == 1 ? "" : "s")
              + ":");
      for (TestResult r : results) {
        if (r.status() == TestResult.Status.FAIL
            || r.status() == TestResult.Status.WARN
            || r.status() == TestResult.Status.ERROR) {
          say("");
          say(
              (r.status() == TestResult.Status.WARN ? "Warning" : "Failure")
                  + " in test "
                  + r.name()
                  + where(s, r));
          say("  " + r.message());
        }
      }
    }
    say("");
    say(
        "Done. PASS="
            + pass
            + " WARN="
            + warn
            + " ERROR="
            + error
            + " SKIP="
            + skip
            + " NO-OP=0 TOTAL="
            + results.size());
  }

  private static String where(ProjectSnapshot s, TestResult r) {
    Node n = s.manifest().nodes().get(r.uniqueId());
    Object file = n == null ? null : n.extra().get(Node.PROPERTIES_FILE);
    String path = file != null ? String.valueOf(file) : n == null ? null : n.originalFilePath();
    return path == null ? "" : " (" + path + ")";
  }

  private static long count(List<TestResult> results, TestResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** dbt's word on the line: PASS, WARN n, FAIL n, ERROR, SKIP. */
  private static String word(TestResult r) {
    return switch (r.status()) {
      case PASS -> "PASS";
      case WARN -> "WARN " + r.failures();
      case FAIL -> "FAIL " + r.failures();
      case ERROR -> "ERROR";
      case SKIPPED -> "SKIP";
    };
  }

  /** dbt's bracket: "PASS in 0.05s", "FAIL 2 in 0.04s", "ERROR in 0.01s", "SKIP". */
  private static String status(TestResult r) {
    if (r.status() == TestResult.Status.SKIPPED) {
      return "SKIP";
    }
    return word(r) + String.format(Locale.ROOT, " in %.2fs", r.seconds());
  }

  /** "1 of 5 START test x ........ [RUN]", dotted to dbt's width. */
  static String line(String text, String bracket) {
    StringBuilder b = new StringBuilder(text).append(' ');
    while (b.length() < WIDTH - bracket.length() - 3) {
      b.append('.');
    }
    return b.append(" [").append(bracket).append(']').toString();
  }

  private static synchronized void say(String text) {
    System.out.println(text.isEmpty() ? "" : LocalTime.now().format(CLOCK) + "  " + text);
  }
}
