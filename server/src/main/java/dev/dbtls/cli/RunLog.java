package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.run.NodeResult;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code dbtls test}, {@code run}, {@code seed} and {@code build} print, as dbt prints it: a
 * START and an end line per node, dotted to dbt's width, then the summary ("Finished running ...",
 * each failure with its file and message, "Done. PASS=...").
 */
final class RunLog implements dev.dbtls.run.DataTests.Listener {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int WIDTH = 80;

  private final ProjectSnapshot snapshot;

  RunLog(ProjectSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public void started(int index, int total, Node n) {
    say(line(index + " of " + total + " START " + what(n), "RUN"));
  }

  @Override
  public void finished(int index, int total, NodeResult r) {
    if (r.uniqueId().startsWith("operation.")) {
      String word = r.status() == NodeResult.Status.SUCCESS ? "OK" : "ERROR";
      say(line(index + " of " + total + " " + word + " hook: " + r.name(), bracket(r)));
      return;
    }
    Node n = snapshot.manifest().nodes().get(r.uniqueId());
    String text =
        n == null || n.type().isTest()
            ? word(r) + " " + unitTestPrefix(n) + r.name()
            : switch (r.status()) {
              case SUCCESS ->
                  switch (n.type()) {
                    case SEED -> "OK loaded " + what(n);
                    case SNAPSHOT -> "OK snapshotted " + relation(n);
                    default -> "OK created " + what(n);
                  };
              case SKIPPED -> "SKIP relation " + relation(n);
              default -> "ERROR creating " + what(n);
            };
    say(line(index + " of " + total + " " + text, bracket(r)));
  }

  /** "sql view model main.orders", "seed file main.raw_customers", "test not_null_x". */
  private String what(Node n) {
    if (n.uniqueId().startsWith("operation.")) {
      return "hook: " + n.name();
    }
    return switch (n.type()) {
      case TEST -> "test " + n.name();
      case UNIT_TEST -> "unit_test " + unitTestPrefix(n) + n.name();
      case SEED -> "seed file " + relation(n);
      case SNAPSHOT -> "snapshot " + relation(n);
      case FUNCTION -> "function " + relation(n); // dbt's FunctionRunner
      default -> "sql " + n.materialized() + " model " + relation(n);
    };
  }

  /** dbt names a unit test on its lines after its model: {@code customers::test_name}. */
  private static String unitTestPrefix(Node n) {
    return n != null && n.type() == ResourceType.UNIT_TEST && n.fqn().size() >= 2
        ? n.fqn().get(n.fqn().size() - 2) + "::"
        : "";
  }

  private static String relation(Node n) {
    return n.relation() == null
        ? n.name()
        : n.relation().schema() + "." + n.relation().identifier();
  }

  /** Ctrl-C cancels the run: its statements are stopped in the database. */
  static Thread cancelOnExit(dev.dbtls.warehouse.QueryCancel cancel) {
    Thread hook = new Thread(cancel::cancel);
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  static void release(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already
    }
  }

  /**
   * The run's end as dbt prints it, the run kept in the run history; dbt's exit code (1 when a node
   * errored or a test failed).
   */
  int ended(dev.dbtls.run.CommandRun run, long startedNanos, String command) {
    RunRecord.keep(snapshot, command, run);
    if (run.writeError() != null) {
      System.err.println("dbtls: " + run.writeError());
    }
    summary(run.results(), (System.nanoTime() - startedNanos) / 1e9);
    return run.errors() > 0 ? 1 : 0;
  }

  void summary(List<NodeResult> results, double seconds) {
    say("");
    say(
        String.format(
            Locale.ROOT,
            "Finished running %s in %d hours %d minutes and %.2f seconds (%.2fs).",
            counts(results),
            (long) seconds / 3600,
            (long) seconds % 3600 / 60,
            seconds % 60,
            seconds));
    long pass = count(results, NodeResult.Status.PASS) + count(results, NodeResult.Status.SUCCESS);
    long warn = count(results, NodeResult.Status.WARN);
    long error = count(results, NodeResult.Status.FAIL) + count(results, NodeResult.Status.ERROR);
    long skip = count(results, NodeResult.Status.SKIPPED);
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
      for (NodeResult r : results) {
        if (r.status() == NodeResult.Status.FAIL
            || r.status() == NodeResult.Status.WARN
            || r.status() == NodeResult.Status.ERROR) {
          Node n = snapshot.manifest().nodes().get(r.uniqueId());
          say("");
          say(
              (r.status() == NodeResult.Status.WARN ? "Warning" : "Failure")
                  + " in "
                  + (r.uniqueId().startsWith("operation.")
                      ? "hook"
                      : n == null ? "node" : n.type().dbtName())
                  + " "
                  + r.name()
                  + where(n));
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

  /** "3 view models, 2 table models, 3 seeds, 20 data tests", as dbt counts them. */
  private String counts(List<NodeResult> results) {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (NodeResult r : results) {
      Node n = snapshot.manifest().nodes().get(r.uniqueId());
      String kind =
          r.uniqueId().startsWith("operation.")
              ? "hook"
              : n == null
                  ? "node"
                  : switch (n.type()) {
                    case MODEL -> n.materialized() + " model";
                    case TEST -> "data test";
                    case UNIT_TEST -> "unit test";
                    case SEED -> "seed";
                    case SNAPSHOT -> "snapshot";
                    default -> n.type().dbtName();
                  };
      kinds.merge(kind, 1, Integer::sum);
    }
    StringBuilder b = new StringBuilder();
    kinds.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(v)
                .append(' ')
                .append(k)
                .append(v == 1 ? "" : "s"));
    return b.length() == 0 ? "0 nodes" : b.toString();
  }

  private static String where(Node n) {
    if (n == null) {
      return "";
    }
    Object file = n.extra().get(Node.PROPERTIES_FILE);
    String path = file != null ? String.valueOf(file) : n.originalFilePath();
    return path == null ? "" : " (" + path + ")";
  }

  private static long count(List<NodeResult> results, NodeResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** dbt's word on a test's line: PASS, WARN n, FAIL n, ERROR, SKIP. */
  private static String word(NodeResult r) {
    return switch (r.status()) {
      case PASS -> "PASS";
      case SUCCESS -> "OK";
      case WARN -> "WARN " + r.failures();
      case FAIL -> "FAIL " + r.failures();
      case ERROR -> "ERROR";
      case SKIPPED -> "SKIP";
    };
  }

  /** dbt's bracket: "PASS in 0.05s", "CREATE VIEW in 0.05s", "ERROR in 0.01s", "SKIP". */
  private static String bracket(NodeResult r) {
    if (r.status() == NodeResult.Status.SKIPPED) {
      return "SKIP";
    }
    String word = r.status() == NodeResult.Status.SUCCESS ? r.message() : word(r);
    return word + String.format(Locale.ROOT, " in %.2fs", r.seconds());
  }

  /** "1 of 5 START test x ........ [RUN]", dotted to dbt's width. */
  static String line(String text, String bracket) {
    StringBuilder b = new StringBuilder(text).append(' ');
    while (b.length() < WIDTH - bracket.length() - 3) {
      b.append('.');
    }
    return b.append(" [").append(bracket).append(']').toString();
  }

  static synchronized void say(String text) {
    System.out.println(text.isEmpty() ? "" : LocalTime.now().format(CLOCK) + "  " + text);
  }
}
