package dev.dbtls.cli;

import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dbtls read}: only finds and reads the project's files, nothing parsed. The baseline the
 * benchmark compares {@code ls} and {@code compile} with.
 */
@Command(
    name = "read",
    hidden = true,
    description = "Read every project file and stop (benchmark baseline).")
final class ReadCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    ProjectInputs inputs = project.load(errors);
    long chars = inputs.files().stream().map(ProjectFile::text).mapToLong(String::length).sum();
    System.out.println(inputs.files().size() + " files, " + chars + " characters");
    return 0;
  }
}
