package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Macro and docs files read as dbt reads them: only their top-level blocks are Jinja. */
class MacroFileBlocksTest {

  private static ProjectSnapshot load(String spec) {
    return ProjectSnapshot.load(Fixture.ROOT, new ProjectInputs.Options(null, null, null, Map.of(),
        Map.of("HOME", "/x")), List.of(), Fixture.of(spec), true);
  }

  @Test
  void bannersAndStrayTagsBetweenBlocksAreNoProblem() {
    ProjectSnapshot s = load("""
        -- file: macros/helpers.sql
        {% ################################ %}
        {% ##  string helpers             ## %}
        {% ################################ %}
        {% macro shout(x) %}upper({{ x }}){% endmacro %}
        {% enddocs %} {%- set unused = 1 -%}
        -- file: models/docs.md
        # Orders {% no tag %}
        {% docs orders %}One row per order{% enddocs %}
        {% enddocs %}
        -- file: models/orders.sql
        select {{ shout("'a'") }} as a
        """);
    assertEquals(List.of(), s.manifest().problems().stream().map(Problem::format).toList());
    Node orders = s.manifest().nodes().values().stream().filter(n -> n.name().equals("orders"))
        .findFirst().orElseThrow();
    CompiledNode c = new NodeCompiler(s).compile(orders);
    assertEquals(List.of(), c.problems());
    assertEquals("select upper('a') as a", c.sql().trim());
  }

  @Test
  void whatDbtRefusesInAMacroFileIsReportedWhereItIs() {
    ProjectSnapshot s = load("""
        -- file: macros/bad.sql
        {% macro a() %}1{% endmacro %}
        {% endif %}
        -- file: macros/open.sql
        {% macro b() %}1{% endmacro %}
        {{ b(
        """);
    List<String> p = s.manifest().problems().stream().map(Problem::format).sorted().toList();
    assertEquals(List.of("macros/bad.sql:2:1: error jinja-syntax: Got an unexpected control flow end"
        + " tag, got endif but never saw a preceeding if",
        "macros/open.sql:2:1: error jinja-syntax: unexpected EOF, expected }}, got \"b(\n\""), p);
  }
}
