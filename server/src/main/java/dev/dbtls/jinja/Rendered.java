package dev.dbtls.jinja;

import dev.dbtls.project.Problem;
import java.util.List;

/**
 * A render's output and problems; the output is what could be rendered even when it failed. {@code
 * ranToEnd}: the render went through the whole template (errors in expressions left their output
 * empty and it went on), so every {@code if} and loop it met was decided; false when something
 * stopped it ({@code raise_compiler_error}, a tag that failed hard).
 */
public record Rendered(String output, List<Problem> problems, boolean ranToEnd) {
  public Rendered {
    problems = List.copyOf(problems);
  }

  public Rendered(String output, List<Problem> problems) {
    this(output, problems, true);
  }

  public boolean failed() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
