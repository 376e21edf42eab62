package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A var's string value with Jinja in it is rendered where {@code var()} is called, with the calling
 * node's context, as dbt does: the standard way a package lets its user swap a source ({@code vars:
 * {orders: "{{ ref('stg_orders') }}"}}). The ref it calls is a dependency.
 */
class VarRenderingTest {
  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      vars:
        orders_relation: "{{ ref('stg_orders') }}"
        raw_orders: "{{ source('raw', 'orders') }}"
        schema_name: "{{ target.schema }}_reporting"
        plain: orders
        number: 3
        braces_only: "a { b } c"
        loops: "{{ var('loops') }}"
        listed: ["{{ ref('stg_orders') }}"]
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          schema: landing
          tables:
            - name: orders
      -- file: models/stg_orders.sql
      select * from {{ var('raw_orders') }}
      -- file: models/report.sql
      select * from {{ var('orders_relation') }}
      -- file: models/via_macro.sql
      select * from {{ orders_relation() }}
      -- file: macros/orders_relation.sql
      {% macro orders_relation() %}{{ var('orders_relation') }}{% endmacro %}
      -- file: models/values.sql
      select '{{ var('schema_name') }}' as s, {{ var('number') + 1 }} as n, '{{ var('plain') }}' as p,
        '{{ var('braces_only') }}' as b, '{{ var('missing', '{{ not rendered }}') }}' as d,
        '{{ var('listed')[0] }}' as l
      """;

  private static ProjectSnapshot load(String spec) {
    return Fixture.of(spec).snapshot();
  }

  private static CompiledNode compile(ProjectSnapshot s, String model) {
    return new NodeCompiler(s).compile(s.manifest().nodes().get("model.shop." + model));
  }

  @Test
  void aVarThatIsARefRendersTheRelationAndIsADependency() {
    ProjectSnapshot s = load(PROJECT);
    CompiledNode c = compile(s, "report");
    assertFalse(c.failed(), c.problems().toString());
    assertEquals("select * from \"shop\".\"main\".\"stg_orders\"", c.sql().strip());
    assertEquals(
        List.of("model.shop.stg_orders"), s.manifest().dag().parentsOf("model.shop.report"));
  }

  @Test
  void aVarCalledInsideAMacroIsADependencyToo() {
    ProjectSnapshot s = load(PROJECT);
    CompiledNode c = compile(s, "via_macro");
    assertFalse(c.failed(), c.problems().toString());
    assertEquals("select * from \"shop\".\"main\".\"stg_orders\"", c.sql().strip());
    assertEquals(
        List.of("model.shop.stg_orders"), s.manifest().dag().parentsOf("model.shop.via_macro"));
  }

  @Test
  void aVarThatIsASourceRendersTheSource() {
    ProjectSnapshot s = load(PROJECT);
    CompiledNode c = compile(s, "stg_orders");
    assertFalse(c.failed(), c.problems().toString());
    assertEquals("select * from \"shop\".\"landing\".\"orders\"", c.sql().strip());
    assertEquals(
        List.of("source.shop.raw.orders"), s.manifest().dag().parentsOf("model.shop.stg_orders"));
  }

  @Test
  void varsAreNotRenderedWhenTheProjectIsRead() {
    ProjectSnapshot s = load(PROJECT);
    assertEquals(
        "{{ ref('stg_orders') }}",
        s.inputs().vars().lookup("shop", "orders_relation").orElseThrow().value());
  }

  @Test
  void otherValuesAndDefaultsComeBackAsTheyAre() {
    // only a string is rendered: a list of strings comes back as written, as in dbt
    CompiledNode c = compile(load(PROJECT), "values");
    assertFalse(c.failed(), c.problems().toString());
    assertEquals(
        "select 'main_reporting' as s, 4 as n, 'orders' as p,\n"
            + "  'a { b } c' as b, '{{ not rendered }}' as d,\n"
            + "  '{{ ref('stg_orders') }}' as l",
        c.sql().strip());
  }

  @Test
  void cliVarsAreRenderedLikeProjectVars() {
    ProjectSnapshot s =
        Fixture.of(PROJECT)
            .snapshot(null, Map.of("orders_relation", "{{ ref('stg_orders') }} as o"), Map.of());
    CompiledNode c = compile(s, "report");
    assertFalse(c.failed(), c.problems().toString());
    assertEquals("select * from \"shop\".\"main\".\"stg_orders\" as o", c.sql().strip());
  }

  @Test
  void aVarWhoseValueCallsItselfStopsWithALocatedProblem() {
    // the engine sees the cycle (Jinjava's own check) before our nesting limit would
    ProjectSnapshot s =
        load(
            PROJECT
                + """
        -- file: models/loop.sql
        select {{ var('loops') }}
        """);
    CompiledNode c = compile(s, "loop");
    assertTrue(
        c.problems().stream()
            .anyMatch(p -> p.file().equals("models/loop.sql") && p.message().contains("cycle")),
        c.problems().toString());
  }
}
