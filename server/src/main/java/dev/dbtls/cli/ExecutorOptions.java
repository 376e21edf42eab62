package dev.dbtls.cli;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.run.DataTests;
import dev.dbtls.run.dbt.DbtExecutable;
import dev.dbtls.run.dbt.DbtProcessRun;
import dev.dbtls.run.dbt.Executor;
import dev.dbtls.warehouse.QueryCancel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --executor} and {@code --dbt-path} of {@code dbtls build|run|seed|snapshot|test}: the
 * user's own dbt when one is found ({@code auto}, the default) or asked for ({@code dbt}), else the
 * native runner. With dbt, its lines are printed as it prints them and its exit code is dbtls'.
 */
final class ExecutorOptions {
  @Option(
      names = "--executor",
      description =
          "Who runs the command: auto (your dbt when one is found, else the native runner), dbt"
              + " or native (default: ${DEFAULT-VALUE})")
  String executor = "auto";

  @Option(
      names = "--dbt-path",
      description = "Your dbt executable (default: the project's virtual environment, then PATH)")
  Path dbtPath;

  /**
   * The executor for the project: the user's dbt ({@code dbt()}), the native runner, or why the
   * asked-for dbt cannot run ({@code error()}, an unknown {@code --executor} too).
   */
  Executor.Choice choose(ProjectSnapshot s) {
    Executor e = Executor.of(executor);
    if (e == null) {
      return new Executor.Choice(null, "--executor is auto, dbt or native; not '" + executor + "'");
    }
    return e.choose(dbtPath, s.inputs().root().dir(), System.getenv());
  }

  /** Runs the command with the user's dbt, printing its lines; dbt's exit code. */
  static int run(
      DbtExecutable dbt,
      ProjectSnapshot s,
      ProjectOptions project,
      String command,
      Integer threads,
      boolean fullRefresh,
      boolean failFast,
      boolean empty,
      boolean storeFailures,
      String selector) {
    Path root = s.inputs().root().dir();
    Path profiles =
        project.profilesDir != null
            ? project.profilesDir.toAbsolutePath()
            : s.inputs().profilesFile() == null ? null : s.inputs().profilesFile().getParent();
    DbtProcessRun.Request request =
        new DbtProcessRun.Request(
            command,
            root,
            profiles,
            project.profile,
            s.inputs().target().name(),
            project.select,
            project.exclude,
            threads,
            fullRefresh,
            failFast,
            empty,
            storeFailures,
            s.inputs().vars().cli(),
            selector,
            text -> dev.dbtls.project.Secrets.scrub(text, s.inputs().target().fields()));
    QueryCancel cancel = new QueryCancel();
    // Ctrl-C in a terminal reaches dbt itself (one process group): give it the time to cancel its
    // queries and end; only a dbt still running then is interrupted (and later killed)
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                long grace = DbtProcessRun.GRACE.toMillis();
                if (!done.await(grace, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                  cancel.cancel();
                  done.await(grace + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "dbtls-dbt-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    DbtProcessRun.Outcome o;
    try {
      o =
          DbtProcessRun.run(
              dbt,
              request,
              root.resolve(s.inputs().root().targetPath()).resolve("run_results.json"),
              id -> s.manifest().nodes().get(id),
              0,
              DataTests.Listener.NONE,
              cancel,
              RunLog::say);
    } finally {
      done.countDown();
      RunLog.release(hook);
    }
    if (o.exitCode() < 0) {
      System.err.println("dbtls: " + o.error());
      return 2;
    }
    if (o.run() != null && !o.run().results().isEmpty()) {
      RunRecord.keep(s, command, o.run());
    }
    return o.exitCode();
  }
}
