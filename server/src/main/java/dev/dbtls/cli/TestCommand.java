package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.run.CommandRun;
import dev.dbtls.run.DataTests;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.Warehouses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  @Mixin ProjectOptions project;

  @Mixin ExecutorOptions executor;
  @Mixin SelectorOption selector;

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
    dev.dbtls.run.dbt.Executor.Choice choice = executor.choose(s);
    if (choice.error() != null) {
      System.err.println("dbtls: " + choice.error());
      return 2;
    }
    if (choice.dbt() != null) {
      return ExecutorOptions.run(
          choice.dbt(), s, project, "test", threads, false, failFast, false, false, selector.name);
    }
    List<Problem> problems = new ArrayList<>(s.manifest().problems());
    SelectorOption.Selection chosen = selector.choose(project, s, problems);
    List<Node> tests = DataTests.among(s, chosen.chosen(), chosen.excluded());
    int exit = Reporter.report(problems.stream().filter(p -> p.isError()).toList(), errors);
    if (exit != 0) {
      return exit;
    }
    int n = threads != null ? threads : Math.max(1, s.inputs().target().threads());
    if (chosen.byDefault() != null) {
      say("Using default selector " + chosen.byDefault());
    }
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
    Thread hook = RunLog.cancelOnExit(cancel);
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("which", "test");
    args.put("select", project.select);
    args.put("exclude", project.exclude);
    args.put("selector", selector.name);
    args.put("threads", n);
    args.put("fail_fast", failFast);
    args.put("target", s.inputs().target().name());
    RunLog log = new RunLog(s);
    CommandRun run;
    try (Warehouses warehouses = new Warehouses()) {
      run =
          CommandRun.test(
              s, tests, warehouses, new DataTests.Options(n, failFast, timeout, cancel), log, args);
    } finally {
      RunLog.release(hook);
    }
    return log.ended(run, t0, "test");
  }

  private static void say(String text) {
    RunLog.say(text);
  }
}
