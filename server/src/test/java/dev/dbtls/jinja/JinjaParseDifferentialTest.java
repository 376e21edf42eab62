package dev.dbtls.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Does a file parse? Python's Jinja2 (set up as dbt sets it up, by {@code
 * test-projects/jinja_parse_diff.py}, the script that also runs this comparison over any folder) is
 * the judge; {@link ParseCheck} (our scanner and our engine) must answer the same for every .sql,
 * .yml and .md file of our test projects and for generated tricky snippets.
 */
class JinjaParseDifferentialTest {
  private static final Path PROJECTS = Path.of("..", "test-projects");

  /** Fragments real dbt code writes, each put in every place an expression goes. */
  private static final List<String> EXPRESSIONS =
      List.of(
          "n+1",
          "n-1",
          "l[i+1]",
          "l[:j] + [v|length] + l[j+1:]",
          "+x",
          "-x+1",
          "x|int+1",
          "f(n=3 + k)",
          "f(a, n = x * 2, *args, **kwargs)",
          "f(n=-1,)",
          "{'a': {'b': 'c'}}",
          "config(meta={'a': {'b': 'c'}})",
          "{'a': [1, {'b': (2,)}]}",
          "123456789012345678901234567890",
          "0xa0",
          "0XFF",
          "0o17",
          "0b101",
          "1_000_000",
          "1_0.5",
          "1e3",
          "2.5E-1",
          "t.0",
          "t.0.1",
          "x.y[0].z(1)(2)",
          "pk | length is gt 1",
          "x is not none and y is defined",
          "x is number | lower",
          "x is divisibleby 3",
          "a, b",
          "a, b,",
          "(a,)",
          "()",
          "'it' 'concat'",
          "\"%s\" % x",
          "'a' ~ 1 ~ 'b'",
          "x if y else z if w else v",
          "a if b",
          "not x in y",
          "x not in y",
          "x // 2 ** 3 % 4",
          "[1, 2, 3][1:]",
          "l[::2]",
          "d.items() | list",
          "True and False or None",
          "caller()",
          "adapter.dispatch('m', 'pkg')(a, b)",
          "'\\d+'",
          "'a\\'b'",
          // not Jinja: both must refuse
          ".5",
          "1.",
          "0x",
          "1__0",
          "08",
          "x +",
          "f(a=)",
          "{'a': }",
          "[1, 2",
          "x is",
          "a b",
          "x |",
          "(1, 2",
          "{'a' 1}",
          "lambda x: x",
          "[x for x in y]",
          "x = 1",
          "'unterminated");

  private static final List<String> PLACES =
      List.of(
          "{{ %s }}",
          "{{%s}}",
          "{%% set v = %s %%}",
          "{%% if %s %%}x{%% endif %%}",
          "{%% do %s %%}",
          "{%% for i in %s %%}{%% endfor %%}",
          "a\n  {{- %s -}}\nb",
          "{%% set a, b = %s %%}",
          "{%% macro m(p=%s) %%}{%% endmacro %%}");

  /** Whole templates around tags and delimiters. */
  private static final List<String> TEMPLATES =
      List.of(
          "{% set a, b, c = x, y, z %}",
          "{%\u00a0if a\u00a0%}x{% endif %}",
          "{{\u00a0a\u00a0}}",
          "{% ####### %}",
          "{% enddocs %}",
          "{% macro m() %}{% endmacro %}{% endif %}",
          "{% materialization view, adapter='duckdb' %}x{% endmaterialization %}",
          "{% test is_even(model, column_name) %}select 1{% endtest %}",
          "{% docs d %}x{% enddocs %}",
          "{% snapshot s %}select 1{% endsnapshot %}",
          "{% call(r) m() %}{{ r }}{% endcall %}",
          "{% raw %}{{ x }}{% endraw %}",
          "{#- c -#}",
          "{# {{ #}",
          "{{ '}}' }}",
          "{{ \"{{\" }}",
          "{% set x %}a{% endset %}",
          "{% filter upper %}a{% endfilter %}",
          "{% for a in b %}{% break %}{% continue %}{% endfor %}",
          "{% for a in b if a %}{% else %}{% endfor %}",
          "{% with a = 1 %}{{ a }}{% endwith %}",
          "{% if a %}{% elif b %}{% else %}{% endif %}",
          "{% set ns.x = 1 %}",
          "{{ x }",
          "{% if x %}",
          "{% endif %}",
          "{% for %}{% endfor %}",
          "{% unknown_tag %}",
          "{{ }}",
          "{% %}",
          "{% set %}",
          "{% macro %}{% endmacro %}",
          "{{ x }}}",
          "{{ {'a': 1} }}}");

  /**
   * Snippets Jinja2 refuses and we still accept, each with why (never the other way round: a file
   * Jinja2 parses must parse here). Each must keep differing, so the list stays honest.
   */
  static final Map<String, String> ONLY_OURS =
      Map.of(
          "{% if x if y else z if w else v %}x{% endif %}",
          "a conditional expression in an if tag",
          "{% if a if b %}x{% endif %}",
          "a conditional expression in an if tag",
          "{% for i in x if y else z if w else v %}{% endfor %}",
          "a for loop's 'if' filter followed by 'else'");

  static List<String> snippets() {
    List<String> out = new ArrayList<>(TEMPLATES);
    for (String e : EXPRESSIONS) {
      for (String p : PLACES) {
        out.add(String.format(p, e));
      }
    }
    return out;
  }

  /** For each template: null when Jinja2 parses it, else Jinja2's error. */
  static List<String> jinja2(List<String> templates) throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    Process p =
        new ProcessBuilder(
                "python3", PROJECTS.resolve("jinja_parse_diff.py").toString(), "--jinja2")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[][] stdout = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                stdout[0] = p.getInputStream().readAllBytes();
              } catch (IOException e) {
                stdout[0] = new byte[0];
              }
            });
    reader.start();
    p.getOutputStream().write(json.writeValueAsBytes(templates));
    p.getOutputStream().close();
    reader.join();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("python3 jinja_parse_diff.py --jinja2 failed");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : json.readTree(new String(stdout[0], StandardCharsets.UTF_8))) {
      out.add(n.isNull() ? null : n.asText());
    }
    return out;
  }

  private static Map<String, String> projectFiles() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(PROJECTS)) {
      for (Path f :
          s.filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.toString();
                    return (n.endsWith(".sql") || n.endsWith(".yml") || n.endsWith(".md"))
                        && !n.contains("/target/")
                        && !n.contains("/dbt_packages/")
                        && !n.contains("/node_modules/");
                  })
              .sorted()
              .toList()) {
        files.put(PROJECTS.relativize(f).toString(), Files.readString(f));
      }
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> ourParserAgreesWithJinja2() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>(projectFiles());
    assertFalse(cases.isEmpty(), "no test projects found from " + PROJECTS.toAbsolutePath());
    List<String> snippets = snippets();
    for (int i = 0; i < snippets.size(); i++) {
      cases.put("snippet " + i + ": " + snippets.get(i).replace("\n", "\\n"), snippets.get(i));
    }
    List<String> judged = jinja2(new ArrayList<>(cases.values()));
    ParseCheck ours = new ParseCheck();
    List<DynamicTest> tests = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String theirs = judged.get(i++);
      tests.add(
          DynamicTest.dynamicTest(
              c.getKey(),
              () -> {
                List<Problem> problems = ours.problems("t.sql", c.getValue());
                if (ONLY_OURS.containsKey(c.getValue())) {
                  assertEquals(
                      List.of(false, true),
                      List.of(theirs == null, problems.isEmpty()),
                      "listed in ONLY_OURS but now agrees with Jinja2: remove it");
                  return;
                }
                assertEquals(
                    theirs == null,
                    problems.isEmpty(),
                    () ->
                        c.getKey()
                            + ": Jinja2: "
                            + (theirs == null ? "parses" : theirs)
                            + "; dbtls: "
                            + (problems.isEmpty() ? "parses" : problems.get(0).format()));
              }));
    }
    return tests.stream();
  }
}
