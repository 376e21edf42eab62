package dev.dbtls.jinja;

import dev.dbtls.project.Problem;
import java.util.List;

/**
 * A render's output and problems; the output is what could be rendered even when it failed. {@code
 * ranToEnd}: the render went through the whole template (errors in expressions left their output
 * empty and it went on), so every {@code if} and loop it met was decided; false when something
 * stopped it ({@code raise_compiler_error}, a tag that failed hard). {@code macros}: the project's
 * and packages' macros it ran ({@code package.name}; dbtls's own builtins not named), null when not
 * known (it ran out of time): with the same inputs and none of them defined otherwise, a render
 * gives the same again.
 */
public record Rendered(
    String output, List<Problem> problems, boolean ranToEnd, java.util.Set<String> macros) {
  public Rendered {
    problems = List.copyOf(problems);
    macros = macros == null ? null : java.util.Set.copyOf(macros);
  }

  /** A render that ran no macro of the project or its packages. */
  public Rendered(String output, List<Problem> problems, boolean ranToEnd) {
    this(output, problems, ranToEnd, java.util.Set.of());
  }

  public Rendered(String output, List<Problem> problems) {
    this(output, problems, true);
  }

  public boolean failed() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
