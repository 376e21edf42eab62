package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Compiling without a warehouse: introspective queries answer as empty results and what a template
 * does with them is never an error; no message shows a Java class name.
 */
class WithoutWarehouseTest {
  /** A Java class name: a package path, an inner class, or an exception's name. */
  private static final Pattern JAVA =
      Pattern.compile(
          "[a-z]+\\.[a-z]+(\\.[a-z]+)*\\.[A-Z]|\\$[A-Z]|[A-Za-z]+Exception|java\\.|dbtls\\.");

  private static CompiledNode compile(String spec, String model) {
    ProjectSnapshot s = Fixture.of(spec).snapshot();
    Node n =
        s.manifest().nodes().values().stream()
            .filter(x -> x.name().equals(model))
            .findFirst()
            .orElseThrow();
    return new NodeCompiler(s).compile(n);
  }

  @Test
  void introspectiveResultsAreEmptyAndNeverAnError() {
    CompiledNode c =
        compile(
            """
        -- file: macros/column_values.sql
        {% macro column_values(table, column, default=none) %}
          {%- set relation = adapter.get_relation(database=none, schema='s', identifier=table) -%}
          {%- if not relation and default is none -%}
            {{ exceptions.raise_compiler_error("relation " ~ table ~ " does not exist and no default") }}
          {%- elif not relation -%}
            {{ return(default) }}
          {%- endif -%}
          {%- call statement('values', fetch_result=true) -%}select {{ column }} from {{ relation }}{%- endcall -%}
          {%- set result = load_result('values') -%}
          {{ return(result['data'] | map(attribute=0) | list if result and result['data'] else default) }}
        {% endmacro %}
        -- file: models/m.sql
        {%- set r = run_query('select max(day) from t') -%}
        {%- set top = r.columns[0].values()[0] -%}
        {%- call statement('s', fetch_result=True) %}select 1{% endcall -%}
        select {{ column_values('orders', 'status', default=['a', 'b']) | join(',') }} as v,
          {{ top > 3 }} as big, {{ r.rows | length }} as n, {{ load_result('s')['data'][0][0] }} as first,
          {{ modules.datetime.datetime.strptime(top, '%Y-%m-%d') is none }} as d
        """,
            "m");
    List<String> messages = c.problems().stream().map(Problem::format).toList();
    assertFalse(c.failed(), messages::toString);
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    assertEquals(
        "select a,b as v,\n  False as big, 0 as n, [] as first,\n  False as d", c.sql().trim());
    messages.forEach(m -> assertFalse(JAVA.matcher(m).find(), m));
  }

  /**
   * The shapes of dbt_utils' introspective macros (get_column_values, get_relations_by_pattern,
   * star) on relations nobody built: a relation asked for is assumed to exist, its queries answer
   * empty, so each takes its no-data path — never "relation does not exist" (issue 13).
   */
  @Test
  void unbuiltRelationsAreAssumedToExistAndAnswerEmpty() {
    CompiledNode c =
        compile(
            """
        -- file: macros/introspect.sql
        {% macro values_of(table, column, default=none) %}
          {%- if not execute -%}{{ return([] if not default else default) }}{%- endif -%}
          {%- set exists = load_relation(table) is not none -%}
          {%- call statement('values_of', fetch_result=true) -%}
            {%- if not exists and default is none -%}
              {{ exceptions.raise_compiler_error("values_of: relation " ~ table ~ " does not exist") }}
            {%- elif not exists -%}{{ return(default) }}
            {%- else -%}select {{ column }} from {{ table }} group by 1{%- endif -%}
          {%- endcall -%}
          {%- set found = load_result('values_of') -%}
          {{ return(found['data'] | map(attribute=0) | list if found and found['data'] else default) }}
        {% endmacro %}
        {% macro relations_like(schema_pattern, table_pattern) %}
          {%- call statement('tables', fetch_result=True) -%}
            select table_schema, table_name from {{ target.database }}.information_schema.tables
            where table_schema ilike '{{ schema_pattern }}' and table_name ilike '{{ table_pattern }}'
          {%- endcall -%}
          {%- set found = load_result('tables') -%}
          {%- set relations = [] -%}
          {%- for row in (found['table'] if found and found['table'] else []) -%}
            {%- do relations.append(api.Relation.create(database=target.database, schema=row.table_schema,
                identifier=row.table_name)) -%}
          {%- endfor -%}
          {{ return(relations) }}
        {% endmacro %}
        {% macro star_of(relation) %}
          {%- set cols = adapter.get_columns_in_relation(relation) -%}
          {%- if cols | length == 0 -%}{{ return('*') }}{%- endif -%}
          {{ return(cols | map(attribute='name') | join(', ')) }}
        {% endmacro %}
        -- file: models/orders.sql
        select 1 as status
        -- file: models/m.sql
        {%- set statuses = values_of(ref('orders'), 'status') -%}
        {%- set by_default = values_of(ref('orders'), 'status', default=['open']) -%}
        {%- set there = adapter.get_relation(database=target.database, schema='raw', identifier='events') -%}
        select {{ star_of(ref('orders')) }}, {{ statuses | length if statuses else 0 }} as n,
          '{{ by_default | join(',') }}' as d, {{ relations_like('raw', 'events%') | length }} as r,
          '{{ there.identifier }}' as t
        from {{ ref('orders') }}
        """,
            "m");
    List<String> messages = c.problems().stream().map(Problem::format).toList();
    assertFalse(c.failed(), messages::toString);
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    assertTrue(
        c.problems().stream()
            .allMatch(p -> p.code() == dev.dbtls.project.ProblemCode.INTROSPECTION_SKIPPED),
        messages::toString);
    assertTrue(
        c.sql().startsWith("select *, 0 as n,\n  'open' as d, 0 as r,\n  'events' as t"), c.sql());
  }

  @Test
  void equalityNeverFailsAsInPython() {
    // a package compares a count read from an introspective query with a length
    CompiledNode c =
        compile(
            """
        -- file: models/m.sql
        {% set results = run_query('select count(*) from manifest') %}
        {% set n = results.columns[2].values()[0] %}
        select {{ n == [1, 2] | length }} as a, {{ n != 2 }} as b, {{ [] == 0 }} as c,
          {{ 'x' == 1 }} as d, {{ 1 == 1.0 }} as e
        """,
            "m");
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    assertEquals(
        "select False as a, True as b, False as c,\n  False as d, True as e", c.sql().trim());
  }

  @Test
  void typeErrorsSayWhatPythonSays() {
    CompiledNode c =
        compile(
            """
        -- file: models/m.sql
        select {{ [1] > 3 }}, {{ modules.datetime.datetime.strptime('x', '%Y') }},
          {{ nopkg.group_by(3) }}, {{ {'a': 1}.nothing(1) }}
        """,
            "m");
    List<String> messages = c.problems().stream().map(Problem::message).toList();
    assertEquals(4, messages.size(), messages::toString);
    assertEquals(
        1,
        messages.stream().filter(m -> m.equals("'nopkg' is undefined")).count(),
        messages::toString);
    assertEquals(
        1,
        messages.stream().filter(m -> m.equals("'dict object' has no attribute 'nothing'")).count(),
        messages::toString);
    assertEquals(
        1,
        messages.stream()
            .filter(m -> m.contains("'>' not supported between instances of 'list' and 'int'"))
            .count(),
        messages::toString);
    assertEquals(
        1,
        messages.stream()
            .filter(m -> m.contains("time data 'x' does not match format '%Y'"))
            .count(),
        messages::toString);
    messages.forEach(m -> assertFalse(JAVA.matcher(m).find(), m));
  }
}
