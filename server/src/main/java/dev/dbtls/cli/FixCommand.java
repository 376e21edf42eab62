package dev.dbtls.cli;

import dev.dbtls.index.Node;
import dev.dbtls.index.Selector;
import dev.dbtls.index.compile.ProjectSelectors;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.strict.Deprecation;
import dev.dbtls.index.strict.FixedFile;
import dev.dbtls.index.strict.StrictSpec;
import dev.dbtls.project.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtls fix}: applies every safe fix of dbt v2's strict spec ({@link StrictSpec}) to the
 * files of the root project, as dbt's migration tool dbt-autofix would, each file until no fix is
 * left ({@link FixedFile}); {@code --dry-run} prints a unified diff instead of writing. {@code
 * --select}/{@code --exclude} limit it to the files of the chosen nodes (their SQL and property
 * YAML). Ends with one line per deprecation code: how many were fixed, how many are left (those
 * without a safe fix). Exit 1 when a file could not be written.
 */
@Command(
    name = "fix",
    description =
        "Fix what dbt Core v2's strict spec refuses, as dbt-autofix would (--dry-run: print a"
            + " unified diff instead of writing)")
final class FixCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(names = "--dry-run", description = "Print the changes as a unified diff; write nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    ProjectSnapshot snapshot = project.snapshot(errors, false);
    Path root = snapshot.inputs().root().dir();
    Map<String, List<Deprecation>> found = new TreeMap<>(StrictSpec.ofProject(snapshot));
    Set<String> chosen = chosenFiles(snapshot);
    Map<ProblemCode, Integer> fixed = new TreeMap<>();
    Map<ProblemCode, Integer> left = new TreeMap<>();
    int files = 0;
    int exit = 0;
    StrictSpec.FileChecker strict = StrictSpec.checker(snapshot);
    for (Map.Entry<String, List<Deprecation>> e : found.entrySet()) {
      String path = e.getKey();
      if (chosen != null && !chosen.contains(path)) {
        continue;
      }
      Path file = root.resolve(path);
      String text = snapshot.files().read(file).orElse(null);
      if (text == null) {
        continue;
      }
      FixedFile result = FixedFile.of(strict, path, text);
      // fixed: what was found less what is left (one fix may settle several, a config block)
      e.getValue().forEach(d -> fixed.merge(d.problem().code(), 1, Integer::sum));
      strict
          .of(path, result.text())
          .forEach(
              d -> {
                left.merge(d.problem().code(), 1, Integer::sum);
                fixed.merge(d.problem().code(), -1, Integer::sum);
              });
      if (!result.changed()) {
        continue;
      }
      files++;
      if (dryRun) {
        System.out.print(UnifiedDiff.of(path, text, result.text()));
      } else {
        try {
          Files.writeString(file, result.text(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
          errors.add(path + ": not written: " + ex.getMessage());
          exit = 1;
        }
      }
    }
    errors.forEach(x -> System.err.println("error: " + x));
    Set<ProblemCode> codes = new TreeSet<>(fixed.keySet());
    codes.addAll(left.keySet());
    for (ProblemCode c : codes) {
      System.err.printf(
          "%s: %d %s, %d left without a safe fix%n",
          c.id(), fixed.getOrDefault(c, 0), dryRun ? "to fix" : "fixed", left.getOrDefault(c, 0));
    }
    System.err.printf(
        "%s %d files of %s%n",
        dryRun ? "Would change" : "Changed", files, snapshot.inputs().root().name());
    return exit;
  }

  /**
   * The display paths of the chosen nodes' files and property YAML; null when nothing was selected
   * (every file of the root project, dbt_project.yml and packages.yml included).
   */
  private Set<String> chosenFiles(ProjectSnapshot snapshot) {
    if (project.select.isEmpty() && project.exclude.isEmpty()) {
      return null;
    }
    Selector selector = new Selector(snapshot.manifest(), ProjectSelectors.of(snapshot));
    Set<String> out = new TreeSet<>();
    for (String id : selector.select(project.select, project.exclude)) {
      Node n = snapshot.manifest().nodes().get(id);
      if (n == null) {
        continue;
      }
      if (n.displayPath() != null) {
        out.add(n.displayPath().replace('\\', '/'));
      }
      if (n.extra().get(Node.PROPERTIES_FILE) instanceof String p) {
        out.add(p.replace('\\', '/'));
      }
    }
    selector.problems().forEach(p -> System.err.println(p.format()));
    return out;
  }
}
