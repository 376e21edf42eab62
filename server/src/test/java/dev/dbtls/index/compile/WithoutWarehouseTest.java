package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Severity;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Macros written for real query results (dbt_utils, real projects) render without a warehouse:
 * empty results answer like agate's, and what fails because a result is empty is never an error.
 */
class WithoutWarehouseTest {
  private static CompiledNode compile(String model) {
    Fixture f = Fixture.of("""
        -- file: dbt_project.yml
        name: shop
        profile: shop
        -- file: models/b.sql
        select 1 as id
        -- file: models/a.sql
        """ + model);
    ProjectSnapshot s = ProjectSnapshot.load(Fixture.ROOT, new ProjectInputs.Options(null, null, null,
        Map.of(), Map.of("HOME", "/x")), List.of(), f, true);
    Node a = s.manifest().nodes().get("model.shop.a");
    return new NodeCompiler(s).compile(a);
  }

  private static List<Problem> shown(CompiledNode c) {
    return c.problems().stream().filter(p -> p.severity() != Severity.INFO).toList();
  }

  @Test
  void emptyResultsAnswerLikeAgate() {
    CompiledNode c = compile("""
        {% set results = run_query('select 1') %}
        {% set first = results.columns[0].values() %}
        {%- call statement('q', fetch_result=True) -%}select 1{%- endcall -%}
        {% for name, column in load_result('q').table.columns.items() %}{{ name }}{% endfor %}
        {% set rel = load_relation(ref('b')) %}
        select {{ first | length }} as n, {{ 'none' if rel is none else 'some' }} as r
        """);
    assertEquals(List.of(), shown(c));
    assertTrue(c.sql().strip().endsWith("select 0 as n, none as r"), c.sql());
  }

  @Test
  void aDictKeyedByRelations() {
    CompiledNode c = compile("""
        {%- set columns = {} -%}
        {%- do columns.update({ref('b'): ['id']}) -%}
        select {{ columns[ref('b')] | join(', ') }} from {{ ref('b') }}
        """);
    assertEquals(List.of(), shown(c));
    assertTrue(c.sql().startsWith("select id from "), c.sql());
  }

  @Test
  void runStartedAtIsADatetime() {
    CompiledNode c = compile("""
        {% set year = run_started_at.strftime('%Y') %}
        {% set before = (run_started_at - modules.datetime.timedelta(2)).strftime('%Y') %}
        select '{{ year }}' as y, {{ year | int - before | int <= 1 }} as ok
        """);
    assertEquals(List.of(), shown(c));
    assertTrue(c.sql().contains(" as y, True as ok"), c.sql());
  }

  @Test
  void whatFailsOnAnEmptyResultIsAWarningThatSaysWhy() {
    CompiledNode c = compile("""
        {%- set first = {} -%}
        {%- if execute -%}{% set r = run_query('select min(d) as d from x') %}{%- endif -%}
        select '{{ first.D[0] }}' as d
        """);
    assertFalse(c.failed(), c.problems().toString());
    Problem p = shown(c).get(0);
    assertEquals(Severity.WARNING, p.severity());
    assertTrue(p.message().contains("introspective query was skipped"), p.message());
  }
}
