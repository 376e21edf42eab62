package dev.dbtls.jinja;

import dev.dbtls.project.Problem;
import java.util.List;

/** A render's output and problems; the output is what could be rendered even when it failed. */
public record Rendered(String output, List<Problem> problems) {
  public Rendered {
    problems = List.copyOf(problems);
  }

  public boolean failed() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
