package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.JinjaSetup;
import dev.dbtls.jinja.RenderRequest;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our builtin cross-database macros rendered by our engine, adapter by adapter, against the same
 * macros rendered by Python's Jinja2 (builtin_macros_expected.txt, made by
 * builtin_macros_check.py): a differential test of the engine and a golden test of the macros.
 */
class BuiltinMacrosTest {
  private record Case(String adapter, String expression, String expected) {}

  @TestFactory
  Stream<DynamicTest> everyMacroOnEveryAdapterRendersAsJinja2Does() throws IOException {
    List<Case> cases = read();
    assertTrue(cases.size() > 500, "cases read: " + cases.size());
    Map<String, DbtJinja> engines = new LinkedHashMap<>();
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.adapter() + ": " + c.expression(),
                    () -> {
                      DbtJinja jinja =
                          engines.computeIfAbsent(
                              c.adapter(),
                              a ->
                                  new DbtJinja(
                                      new JinjaSetup(
                                          Adapter.of(a),
                                          "project",
                                          BuiltinMacros.shipped(),
                                          Map.of(),
                                          null)));
                      Map<String, Object> target =
                          Map.of(
                              "schema",
                              "analytics",
                              "database",
                              "warehouse",
                              "name",
                              "dev",
                              "type",
                              c.adapter());
                      Rendered r =
                          jinja.render(
                              new RenderRequest(
                                  "case.sql", c.expression(), "project", Map.of("target", target)));
                      if (c.expected().startsWith("!! compiler error: ")) {
                        String message = c.expected().substring("!! compiler error: ".length());
                        assertTrue(
                            r.problems().stream()
                                .anyMatch(
                                    p ->
                                        p.code() == ProblemCode.COMPILER_ERROR
                                            && p.message().contains(message)),
                            () ->
                                "expected compiler error '"
                                    + message
                                    + "', got "
                                    + r.problems()
                                    + " / "
                                    + r.output());
                      } else {
                        assertEquals(
                            List.of(), r.problems().stream().filter(Problem::isError).toList());
                        assertEquals(c.expected(), r.output());
                      }
                    }));
  }

  private static List<Case> read() throws IOException {
    List<String> lines =
        Files.readAllLines(
            TestProjects.repoRoot()
                .resolve("server/src/test/resources/builtin_macros_expected.txt"));
    List<Case> out = new ArrayList<>();
    String adapter = null;
    String expression = null;
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      boolean section = line.startsWith("== adapter ");
      if (section || line.startsWith(">> ")) {
        if (expression != null) {
          if (section && !body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1); // the blank line between adapter sections
          }
          out.add(new Case(adapter, expression, String.join("\n", body)));
        }
        expression = section ? null : line.substring(3);
        body.clear();
        if (section) {
          adapter = line.substring("== adapter ".length()).split(" ")[0];
        }
      } else if (expression != null) {
        body.add(line);
      }
    }
    if (expression != null) {
      out.add(new Case(adapter, expression, String.join("\n", body)));
    }
    return out;
  }
}
