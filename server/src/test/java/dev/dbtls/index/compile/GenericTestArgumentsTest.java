package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.testing.Fixture;
import org.junit.jupiter.api.Test;

/** Test arguments are rendered as dbt renders them: natively, so a var's list stays a list. */
class GenericTestArgumentsTest {
  private static CompiledNode compileTest(String yamlArgs) {
    Fixture f =
        Fixture.of(
            """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        vars:
          methods: ['card', 'coupon']
          limit: 3
        -- file: models/pay.sql
        select 'card' as method
        -- file: macros/at_most.sql
        {% test at_most(model, column_name, n) %}select {{ n + 1 }} as n_plus_one from {{ model }}{% endtest %}
        -- file: macros/kept.sql
        {% test kept(model, column_name) %}select {{ 1 if should_store_failures() else 0 }} as kept, {{ should_full_refresh() }} as full from {{ model }}{% endtest %}
        -- file: models/schema.yml
        version: 2
        models:
          - name: pay
            columns:
              - name: method
                data_tests:
        """
                + yamlArgs);
    ProjectSnapshot s = f.snapshot();
    Node test =
        s.manifest().nodes().values().stream()
            .filter(n -> n.uniqueId().startsWith("test."))
            .findFirst()
            .orElseThrow();
    return new NodeCompiler(s).compile(test);
  }

  @Test
  void aVarThatIsAListIsPassedAsTheList() {
    CompiledNode c =
        compileTest(
            """
                  - accepted_values:
                      values: "{{ var('methods') }}"
        """);
    assertFalse(c.failed(), c.problems().toString());
    assertTrue(c.sql().contains("not in ('card', 'coupon')"), c.sql());
  }

  @Test
  void aBareCallIsRenderedAndNumbersStayNumbers() {
    CompiledNode c =
        compileTest(
            """
                  - at_most:
                      n: "var('limit')"
        """);
    assertFalse(c.failed(), c.problems().toString());
    assertTrue(c.sql().startsWith("select 4 as n_plus_one from "), c.sql());
  }

  @Test
  void dbtConfigHelpersAreThere() {
    CompiledNode c =
        compileTest(
            """
                  - kept
        """);
    assertFalse(c.failed(), c.problems().toString());
    assertTrue(c.sql().startsWith("select 0 as kept, False as full from "), c.sql());
  }
}
