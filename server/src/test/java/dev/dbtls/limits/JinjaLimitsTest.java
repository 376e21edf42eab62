package dev.dbtls.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Templates that would exhaust memory, stack or time stop with a located problem in their own node;
 * the project's other nodes compile (docs/limits.md).
 */
@Isolated // sets dbtls.renderTimeoutMs for one case
class JinjaLimitsTest {
  private static final Duration QUICK = Duration.ofSeconds(15);

  /** Compiles every node of a project with {@code models/bad.sql} and {@code models/good.sql}. */
  private static Map<String, CompiledNode> compile(String bad) {
    Fixture f =
        Fixture.of(
            """
        -- file: models/good.sql
        select {{ 'a' ~ 'b' }} as ok
        -- file: models/bad.sql
        """
                + bad);
    ProjectSnapshot s = f.snapshot();
    NodeCompiler compiler = new NodeCompiler(s);
    Map<String, CompiledNode> out = new java.util.TreeMap<>();
    for (Node n : s.manifest().nodes().values()) {
      out.put(n.name(), compiler.compile(n));
    }
    return out;
  }

  /** The one problem of bad.sql, after checking that good.sql compiled. */
  private static Problem hit(String bad, ProblemCode code) {
    Map<String, CompiledNode> nodes = assertTimeoutPreemptively(QUICK, () -> compile(bad));
    CompiledNode good = nodes.get("good");
    assertEquals(List.of(), good.problems());
    assertEquals("select ab as ok", good.sql().strip());
    List<Problem> problems = nodes.get("bad").problems();
    List<Problem> hits = problems.stream().filter(p -> p.code() == code).toList();
    assertEquals(1, hits.size(), () -> "problems: " + problems);
    assertEquals("models/bad.sql", hits.get(0).file());
    return hits.get(0);
  }

  @Test
  void stringDoublingStopsAtTheLimit() {
    Problem p =
        hit(
            """
        {% set ns = namespace(s='x') %}
        {% for i in range(40) %}
          {% set ns.s = ns.s ~ ns.s %}
        {% endfor %}
        select {{ ns.s | length }}
        """,
            ProblemCode.JINJA_TOO_LARGE);
    assertEquals(2, p.line());
    assertTrue(
        p.message()
            .startsWith(
                "the string '~' builds would be 16777216 characters long, "
                    + "more than the limit of 10000000"),
        p.message());
  }

  @Test
  void repetitionIsRefusedBeforeItIsBuilt() {
    Problem p = hit("select '{{ 'x' * 2000000000 }}'\n", ProblemCode.JINJA_TOO_LARGE);
    assertTrue(p.message().contains("'*' builds would be 2000000000 characters"), p.message());
    hit("select {{ ([1] * 2000000000) | length }}\n", ProblemCode.JINJA_TOO_LARGE);
    hit(
        "{% set s = 'ab' * 4000000 %}select {{ s.replace('a', 'aaaa') | length }}\n",
        ProblemCode.JINJA_TOO_LARGE);
    hit(
        "{% set s = 'ab' * 4000000 %}select {{ [s, s] | join('') | length }}\n",
        ProblemCode.JINJA_TOO_LARGE);
    hit("select {{ '1'.zfill(2000000000) }}\n", ProblemCode.JINJA_TOO_LARGE);
  }

  @Test
  void outputOfLoopsAndMacrosIsBounded() {
    hit(
        "{% set s = 'x' * 1000000 %}{% for i in range(20) %}{{ s }}{% endfor %}\n",
        ProblemCode.JINJA_TOO_LARGE);
    hit(
        """
        {% macro big() %}{% for i in range(11) %}{{ 'x' * 1000000 }}{% endfor %}{% endmacro %}
        select '{{ big() }}'
        """,
        ProblemCode.JINJA_TOO_LARGE);
  }

  @Test
  void deepExpressionsFailFastAndClearly() {
    Problem p =
        hit(
            "select {{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}\n",
            ProblemCode.JINJA_TOO_DEEP);
    assertEquals(
        "expression nested more than 100 brackets deep; the render stops here", p.message());
    assertEquals(0, p.line());
    // 100 deep is fine, as in Python
    Map<String, CompiledNode> ok =
        compile("select {{ " + "(".repeat(100) + "1" + ")".repeat(100) + " }}\n");
    assertEquals(List.of(), ok.get("bad").problems());
    assertEquals("select 1", ok.get("bad").sql().strip());
  }

  @Test
  void deepTagsAndEndlessMacroRecursionAreTooDeep() {
    Problem tags =
        hit(
            "select 1 " + "{% if true %}".repeat(5000) + "x" + "{% endif %}".repeat(5000),
            ProblemCode.JINJA_TOO_DEEP);
    assertTrue(tags.message().startsWith("Jinja tags nested more than 100 deep"), tags.message());
    Problem calls =
        hit(
            "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}select {{ f(1) }}\n",
            ProblemCode.JINJA_TOO_DEEP);
    assertTrue(calls.message().contains("does 'f' call itself without end?"), calls.message());
    // a macro calling another 50 deep is fine
    assertEquals(
        List.of(),
        compile(
                """
        {% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{% else %}done{% endif %}{% endmacro %}
        select '{{ f(50) }}'
        """)
            .get("bad")
            .problems());
  }

  @Test
  void longRendersAreStopped() {
    String before = System.getProperty("dbtls.renderTimeoutMs");
    System.setProperty("dbtls.renderTimeoutMs", "300");
    try {
      long start = System.nanoTime();
      Problem p =
          hit(
              """
          {% for i in range(100000) %}{% for j in range(100000) %}{% set x = i * j %}{% endfor %}{% endfor %}
          select 1
          """,
              ProblemCode.JINJA_TIMEOUT);
      assertTrue(System.nanoTime() - start < 10_000_000_000L);
      assertEquals("rendering took longer than 300 ms and was stopped here", p.message());
      assertFalse(p.message().isEmpty());
    } finally {
      if (before == null) {
        System.clearProperty("dbtls.renderTimeoutMs");
      } else {
        System.setProperty("dbtls.renderTimeoutMs", before);
      }
    }
  }
}
