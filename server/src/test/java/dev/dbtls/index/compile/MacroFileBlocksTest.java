package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Macro and docs files read as dbt reads them: only their top-level blocks are Jinja. */
class MacroFileBlocksTest {

  private static ProjectSnapshot load(String spec) {
    return Fixture.of(spec).snapshot();
  }

  @Test
  void bannersAndStrayTagsBetweenBlocksAreNoProblem() {
    ProjectSnapshot s =
        load(
            """
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
    Node orders =
        s.manifest().nodes().values().stream()
            .filter(n -> n.name().equals("orders"))
            .findFirst()
            .orElseThrow();
    CompiledNode c = new NodeCompiler(s).compile(orders);
    assertEquals(List.of(), c.problems());
    assertEquals("select upper('a') as a", c.sql().trim());
  }

  @Test
  void whatDbtRefusesInAMacroFileIsReportedWhereItIs() {
    ProjectSnapshot s =
        load(
            """
        -- file: macros/bad.sql
        {% macro a() %}1{% endmacro %}
        {% endif %}
        -- file: macros/open.sql
        {% macro b() %}1{% endmacro %}
        {{ b(
        """);
    List<String> p = s.manifest().problems().stream().map(Problem::format).sorted().toList();
    assertEquals(
        List.of(
            "macros/bad.sql:2:1: error jinja-syntax: Got an unexpected control flow end"
                + " tag, got endif but never saw a preceeding if",
            "macros/open.sql:2:1: error jinja-syntax: unexpected EOF, expected }}, got \"b(\n\""),
        p);
  }

  /** dbt 1.8's {@code data_test} block is a generic test as {@code test} is, in both folders. */
  @Test
  void dataTestBlocksDefineGenericTestsInTestsGenericAndMacroFiles() {
    ProjectSnapshot s =
        load(
            """
        -- file: tests/generic/is_positive.sql
        {% data_test is_positive(model, column_name) %}
        select * from {{ model }} where {{ column_name }} <= 0
        {% enddata_test %}
        -- file: macros/checks.sql
        {%- data_test has_rows(model, min_rows=1) -%}
        select 1 where (select count(*) from {{ model }}) < {{ min_rows }}
        {%- enddata_test -%}
        -- file: models/orders.sql
        select 1 as amount
        -- file: models/orders.yml
        models:
          - name: orders
            data_tests:
              - has_rows: {min_rows: 2}
            columns:
              - name: amount
                data_tests: [is_positive]
        """);
    assertEquals(List.of(), s.manifest().problems().stream().map(Problem::format).toList());
    List<String> sql =
        s.manifest().nodes().values().stream()
            .filter(n -> n.uniqueId().startsWith("test."))
            .sorted(java.util.Comparator.comparing(Node::uniqueId))
            .map(
                n -> {
                  CompiledNode c = new NodeCompiler(s).compile(n);
                  assertEquals(List.of(), c.problems(), n.uniqueId());
                  return c.sql().strip();
                })
            .toList();
    assertEquals(
        List.of(
            "select 1 where (select count(*) from \"shop\".\"main\".\"orders\") < 2",
            "select * from \"shop\".\"main\".\"orders\" where amount <= 0"),
        sql);
  }

  /** In a test path's generic/ folder dbt reads only test blocks: a macro there is not defined. */
  @Test
  void aTestsGenericFileDefinesOnlyItsTests() {
    ProjectSnapshot s =
        load(
            """
        -- file: tests/generic/helpers.sql
        {% macro twice(x) %}2 * {{ x }}{% endmacro %}
        {% test is_even(model, column_name) %}select 1{% endtest %}
        -- file: macros/more.sql
        {% macro thrice(x) %}3 * {{ x }}{% endmacro %}
        -- file: models/orders.sql
        select {{ thrice(1) }} as a, {{ twice(1) }} as b
        """);
    Node orders = s.manifest().nodes().get("model.shop.orders");
    CompiledNode c = new NodeCompiler(s).compile(orders);
    assertEquals(
        List.of("'twice' is undefined"),
        c.problems().stream().map(Problem::message).filter(m -> m.contains("twice")).toList());
  }
}
