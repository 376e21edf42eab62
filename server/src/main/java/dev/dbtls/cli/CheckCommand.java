package dev.dbtls.cli;

import dev.dbtls.ide.Analysis;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.strict.StrictSpec;
import dev.dbtls.project.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls check}: every problem the editor would show with every file of the project open,
 * through the same code ({@link ProjectDiagnostics}), and what dbt v2's strict spec refuses in
 * every file of the root project ({@link StrictSpec}; errors with {@code --strict}); exit 1 when
 * there is an error. For CI and pre-commit hooks.
 */
@Command(
    name = "check",
    description =
        "Report every problem of the project, as the editor shows them; exit 1 on errors.")
final class CheckCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(
      names = "--strict",
      description =
          "dbt Core v2's strict spec: its deprecations are errors (exit 1 when there is any)")
  boolean strict;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    List<String> errors = new ArrayList<>();
    ProjectSnapshot snapshot = project.snapshot(errors, true);
    // every file is read again: from disk ahead of the check when they are not in memory
    dev.dbtls.index.ReadAhead ahead = dev.dbtls.index.ReadAhead.project(snapshot.inputs());
    Analysis analysis = Analysis.of(snapshot);
    Set<Path> files = analysis.checkedFiles();
    List<Problem> problems;
    try {
      problems = analysis.check(files);
    } finally {
      ahead.stop();
    }
    if (strict) {
      problems = StrictSpec.asErrors(problems);
    }
    int exit = Reporter.report(problems, errors);
    long errorCount = problems.stream().filter(Problem::isError).count();
    long deprecations = problems.stream().filter(p -> p.code().isDeprecation()).count();
    System.err.printf(
        "Checked %d files of %s in %.2fs: %d errors, %d warnings%s%n",
        files.size(),
        snapshot.inputs().root().name(),
        (System.nanoTime() - start) / 1e9,
        errorCount,
        problems.stream()
            .filter(p -> p.severity() == dev.dbtls.project.Severity.WARNING)
            .filter(p -> !p.code().isDeprecation())
            .count(),
        deprecations == 0
            ? ""
            : ", " + deprecations + " deprecations dbt v2 refuses (dbtls fix --dry-run)");
    return exit;
  }
}
