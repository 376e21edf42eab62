package dev.dbtls.jinja;

import dev.dbtls.project.Problem;
import java.util.List;

/**
 * A render's output and problems; the output is what could be rendered even when it failed. {@code
 * ranToEnd}: the render went through the whole template (errors in expressions left their output
 * empty and it went on), so every {@code if} and loop it met was decided; false when something
 * stopped it ({@code raise_compiler_error}, a tag that failed hard). {@code reads}: the macros it
 * ran and what else it read ({@link RenderReads}): with the same inputs and none of them defined
 * otherwise, a render that read nothing unkeyed gives the same again.
 */
public record Rendered(String output, List<Problem> problems, boolean ranToEnd, RenderReads reads) {
  public Rendered {
    problems = List.copyOf(problems);
    reads = reads == null ? RenderReads.NONE : reads;
  }

  /** A render that ran no macro of the project or its packages and read nothing else. */
  public Rendered(String output, List<Problem> problems, boolean ranToEnd) {
    this(output, problems, ranToEnd, RenderReads.NONE);
  }

  /**
   * The project's and packages' macros it ran ({@code package.name}), null when not known (it ran
   * out of time).
   */
  public java.util.Set<String> macros() {
    return reads.macros();
  }

  public Rendered(String output, List<Problem> problems) {
    this(output, problems, true);
  }

  public boolean failed() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
