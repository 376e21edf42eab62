package dev.dbtls.cli;

import dev.dbtls.project.Problem;
import dev.dbtls.project.Severity;
import java.util.List;

/**
 * Prints problems to stderr as {@code file:line:col: severity code: message}; decides the exit
 * code.
 */
final class Reporter {
  private Reporter() {}

  static int report(List<Problem> problems, List<String> errors) {
    errors.forEach(e -> System.err.println("error: " + e));
    problems.stream()
        .distinct()
        .sorted(Problem.READING_ORDER)
        .filter(
            p ->
                p.severity() != Severity.INFO && p.severity() != Severity.HINT
                    || Boolean.getBoolean("dbtls.verbose"))
        .forEach(p -> System.err.println(p.format()));
    boolean failed = !errors.isEmpty() || problems.stream().anyMatch(Problem::isError);
    return failed ? 1 : 0;
  }
}
