package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.run.Builds;
import dev.dbtls.run.CommandRun;
import dev.dbtls.warehouse.BuildTarget;
import dev.dbtls.warehouse.QueryCancel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls run}, {@code seed} and {@code build}: dbt's commands without dbt, on the native
 * runner ({@link Builds}) — the selected nodes built on the target in DAG order, dbt's lines and
 * summary, {@code target/run_results.json}, and dbt's exit code (1 when a node errored or a test
 * failed). A target named as protected ({@code prod}, {@code production}) is written to only with
 * {@code --allow-protected-target}.
 */
abstract class BuildCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Mixin ExecutorOptions executor;
  @Mixin SelectorOption selector;

  @Option(names = "--threads", description = "Nodes built at once (default: the target's threads)")
  Integer threads;

  @Option(
      names = {"--fail-fast", "-x"},
      description = "Stop at the first node that fails; the rest are skipped")
  boolean failFast;

  @Option(
      names = "--full-refresh",
      description = "Rebuild incremental models and seeds from scratch")
  boolean fullRefresh;

  @Option(
      names = "--empty",
      description = "Build the models with their columns and no rows (refs and sources read none)")
  boolean empty;

  @Option(
      names = "--store-failures",
      description = "Keep each test's failing rows in a table of the audit schema (build)")
  boolean storeFailures;

  @Option(
      names = "--allow-protected-target",
      description =
          "Write to a protected target (named prod or production, or listed in"
              + " --protected-targets)")
  boolean allowProtected;

  @Option(
      names = "--protected-targets",
      split = ",",
      description = "Targets that need --allow-protected-target (default: prod,production)")
  List<String> protectedTargets = new ArrayList<>(dev.dbtls.workspace.Settings.PROTECTED_TARGETS);

  /** A protected target without --allow-protected-target: said, and true. */
  private boolean refused(String target) {
    if (protectedTargets.stream().noneMatch(t -> t.equalsIgnoreCase(target)) || allowProtected) {
      return false;
    }
    System.err.println(
        "dbtls: target '"
            + target
            + "' is protected: dbtls "
            + which()
            + " writes to it only with --allow-protected-target");
    return true;
  }

  /** dbt's command word: run, seed or build. */
  abstract String which();

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    List<String> errors = new ArrayList<>();
    ProjectSnapshot s = project.snapshot(errors, true);
    dev.dbtls.run.dbt.Executor.Choice choice = executor.choose(s);
    if (choice.error() != null) {
      System.err.println("dbtls: " + choice.error());
      return 2;
    }
    if (choice.dbt() != null) {
      return refused(s.inputs().target().name())
          ? 2
          : ExecutorOptions.run(
              choice.dbt(),
              s,
              project,
              which(),
              threads,
              fullRefresh,
              failFast,
              empty,
              storeFailures,
              selector.name);
    }
    List<Problem> problems = new ArrayList<>(s.manifest().problems());
    SelectorOption.Selection chosen = selector.choose(project, s, problems);
    List<Node> nodes = Builds.among(s, which(), chosen.chosen(), chosen.excluded());
    int exit = Reporter.report(problems.stream().filter(Problem::isError).toList(), errors);
    if (exit != 0) {
      return exit;
    }
    String target = s.inputs().target().name();
    if (refused(target)) {
      return 2;
    }
    int n = threads != null ? threads : Math.max(1, s.inputs().target().threads());
    if (chosen.byDefault() != null) {
      RunLog.say("Using default selector " + chosen.byDefault());
    }
    RunLog.say(
        "Concurrency: " + n + " thread" + (n == 1 ? "" : "s") + " (target='" + target + "')");
    if (nodes.isEmpty()) {
      RunLog.say("Nothing to do. Try checking your model configs and model specification args");
      return 0;
    }
    BuildTarget.Opened opened = BuildTarget.open(s.inputs().target(), s.inputs().root().dir());
    if (!opened.ok()) {
      System.err.println("dbtls: " + opened.error().message());
      return 2;
    }
    QueryCancel cancel = new QueryCancel();
    Thread hook = RunLog.cancelOnExit(cancel);
    RunLog log = new RunLog(s);
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("which", which());
    args.put("select", project.select);
    args.put("exclude", project.exclude);
    args.put("selector", selector.name);
    args.put("threads", n);
    args.put("fail_fast", failFast);
    args.put("full_refresh", fullRefresh);
    args.put("store_failures", storeFailures);
    args.put("empty", empty);
    args.put("target", target);
    CommandRun run;
    try (BuildTarget t = opened.target()) {
      run =
          CommandRun.build(
              s,
              nodes,
              t,
              new Builds.Options(n, failFast, fullRefresh, which(), cancel)
                  .storingFailures(storeFailures)
                  .emptying(empty),
              log,
              args);
    } finally {
      RunLog.release(hook);
    }
    return log.ended(run, t0, which());
  }

  @Command(
      name = "run",
      description = "Build the selected models on the target, like dbt run (writes to it).")
  static final class Run extends BuildCommand {
    @Override
    String which() {
      return "run";
    }
  }

  @Command(
      name = "seed",
      description = "Load the selected seeds' CSV files into the target, like dbt seed.")
  static final class Seed extends BuildCommand {
    @Override
    String which() {
      return "seed";
    }
  }

  @Command(
      name = "snapshot",
      description = "Run the selected snapshots on the target, like dbt snapshot.")
  static final class Snapshot extends BuildCommand {
    @Override
    String which() {
      return "snapshot";
    }
  }

  @Command(
      name = "build",
      description =
          "Seed, run and test the selected nodes in DAG order, like dbt build (writes to the"
              + " target).")
  static final class Build extends BuildCommand {
    @Override
    String which() {
      return "build";
    }
  }
}
