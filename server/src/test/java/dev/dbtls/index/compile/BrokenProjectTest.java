package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every break listed in test-projects/broken/EXPECTED.md is reported with its code, in its file, at
 * its line; nothing crashes and no message carries a stack trace; healthy models compile.
 */
class BrokenProjectTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| \\d+ \\| `([a-z-]+)` \\| (.+?) \\| (\\d+):(\\d+).*$");

  @Test
  void everyExpectedBreakIsReportedAtItsLine() throws IOException {
    ProjectSnapshot snapshot = TestProjects.load("broken");
    NodeCompiler compiler = new NodeCompiler(snapshot);
    List<Problem> problems = new ArrayList<>(snapshot.manifest().problems());
    snapshot.manifest().nodes().values().stream()
        .filter(n -> n.type().compiles())
        .map(compiler::compile)
        .forEach(c -> problems.addAll(c.problems()));
    List<String> missing = new ArrayList<>();
    int rows = 0;
    for (String line : Files.readAllLines(TestProjects.dir("broken").resolve("EXPECTED.md"))) {
      Matcher m = ROW.matcher(line);
      if (!m.matches()) {
        continue;
      }
      rows++;
      String code = m.group(1);
      int expectedLine = Integer.parseInt(m.group(3)) - 1;
      for (String file : m.group(2).replace("`", "").split(" and ")) {
        boolean found =
            problems.stream()
                .anyMatch(
                    p ->
                        p.code().id().equals(code)
                            && p.file().equals(file.trim())
                            && Math.abs(p.line() - expectedLine) <= 1);
        if (!found) {
          missing.add(code + " in " + file.trim() + " near line " + (expectedLine + 1));
        }
      }
    }
    assertTrue(rows >= 13, "EXPECTED.md rows read: " + rows);
    assertTrue(
        missing.isEmpty(),
        () ->
            "not reported: "
                + missing
                + "\nall problems:\n"
                + String.join("\n", problems.stream().map(Problem::format).toList()));
    assertFalse(
        problems.stream()
            .anyMatch(p -> p.message().contains("Exception") || p.message().contains("\tat ")),
        () -> "a message leaks a stack trace: " + problems);
  }

  @Test
  void healthyModelsStillCompile() {
    ProjectSnapshot snapshot = TestProjects.load("broken");
    CompiledNode ok =
        new NodeCompiler(snapshot)
            .compile(snapshot.manifest().nodes().get("model.broken.stg_accounts"));
    assertFalse(ok.failed(), () -> ok.problems().toString());
    assertTrue(ok.sql().contains("raw_accounts"), ok.sql());
  }
}
