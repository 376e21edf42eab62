package dev.dbtls.cli;

import dev.dbtls.jinja.ParseCheck;
import dev.dbtls.project.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dbtls parse-check FILE...} (or the file names on stdin): one line per file, its path, a
 * tab, then {@code ok} or the first syntax problem as {@code line:column: message}. The Java side
 * of {@code test-projects/jinja-parse-diff.sh}.
 */
@Command(
    name = "parse-check",
    hidden = true,
    description = "Parse files as Jinja templates and print the first syntax problem of each.")
final class ParseCheckCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (files.isEmpty()) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          files.add(Path.of(line));
        }
      }
    }
    ParseCheck check = new ParseCheck();
    StringBuilder out = new StringBuilder();
    for (Path f : files) {
      String answer;
      try {
        List<Problem> problems =
            check.problems(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        answer = problems.isEmpty() ? "ok" : first(problems);
      } catch (IOException e) {
        answer = "unreadable: " + e.getMessage();
      }
      out.append(f).append('\t').append(answer.replace('\n', ' ').replace('\t', ' ')).append('\n');
    }
    System.out.print(out);
    return 0;
  }

  private static String first(List<Problem> problems) {
    Problem p =
        problems.stream()
            .min(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
            .orElseThrow();
    return (p.line() + 1) + ":" + (p.column() + 1) + ": " + p.message();
  }
}
