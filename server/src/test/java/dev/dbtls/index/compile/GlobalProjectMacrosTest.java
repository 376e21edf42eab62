package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.index.Node;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dbt's global project macros that projects and packages call directly, rendered by dbtls. */
class GlobalProjectMacrosTest {
  private static CompiledNode compile(String profileType, String model) {
    String profile =
        profileType == null
            ? ""
            : "-- file: profiles.yml\nshop:\n  target: dev\n  outputs:\n    dev:\n      type: "
                + profileType
                + "\n      schema: s\n";
    ProjectSnapshot s = Fixture.of(profile + "-- file: models/m.sql\n" + model).snapshot();
    Node n = s.manifest().nodes().get("model.shop.m");
    return new NodeCompiler(s).compile(n);
  }

  private static String sql(String model) {
    CompiledNode c = compile(null, model);
    assertEquals(List.of(), c.problems());
    assertEquals(List.of(), c.problems().stream().filter(Problem::isError).toList());
    return c.sql();
  }

  @Test
  void columnSchemaFromQueryIsAQueryOnTheWarehouse() {
    CompiledNode c =
        compile(
            null,
            "{%- set cols = get_column_schema_from_query('select 1 as a') -%}\n"
                + "select {{ cols | length }} as n\n"
                + "-- {{ get_empty_subquery_sql('select 1 as a') | replace('\\n', ' ') }}\n");
    assertEquals(
        "select 0 as n\n-- select * from ( select 1 as a ) as __dbt_sbq where false limit 0",
        c.sql());
    assertEquals(
        List.of("introspection-skipped"),
        c.problems().stream().map(p -> p.code().id()).distinct().toList());
  }

  @Test
  void assertNotNullOnSparkAndDatabricks() {
    String model = "select {{ assert_not_null('to_date', \"'2024-01-01'\") }} as d";
    String expected =
        "select coalesce(to_date('2024-01-01'), nvl2(to_date('2024-01-01'),"
            + " assert_true(to_date('2024-01-01') is not null), null)) as d";
    assertEquals(expected, compile("spark", model).sql());
    assertEquals(expected, compile("databricks", model).sql());
    CompiledNode pg = compile("postgres", model);
    assertEquals(
        List.of("undefined-macro"), pg.problems().stream().map(p -> p.code().id()).toList());
  }

  @Test
  void whereSubqueryTestSqlAndLimit() {
    assertEquals(
        "select\n  count(*) as failures,\n  count(*) != 0 as should_warn,\n"
            + "  count(*) > 1 as should_error\nfrom (\n  select 1\n  limit 5\n) dbt_internal_test",
        sql("{{ get_test_sql('select 1', 'count(*)', '!= 0', '> 1', 5) }}"));
    assertEquals("select 1\n  limit 3", sql("{{ get_limit_subquery_sql('select 1', 3) }}"));
    assertEquals("\"x\"", sql("{{ get_where_subquery(api.Relation.create(identifier='x')) }}"));
  }

  @Test
  void hooksGrantsAndSchemaNames() {
    assertEquals(
        "True|False|grant select on \"d\".\"s\".\"t\" to a, b|revoke select on \"d\".\"s\".\"t\" from a",
        sql(
            "{%- set r = api.Relation.create(database='d', schema='s', identifier='t') -%}"
                + "{{ in_transaction('x')['transaction'] }}|{{ before_begin('x')['transaction'] }}|"
                + "{{ get_grant_sql(r, 'select', ['a', 'b']) }}|{{ get_revoke_sql(r, 'select', ['a']) }}"));
    assertEquals("main", sql("{{ generate_schema_name_for_env('marts', none) }}"));
    assertEquals(
        "['20240130', '20240131', '20240201']|False",
        sql("{{ partition_range('20240130,20240201') }}|{{ is_core_v2() }}"));
  }

  @Test
  void mergeStatements() {
    String model =
        "{%- set cols = [api.Column.create('id', 'integer'), api.Column.create('v', 'text')] -%}"
            + "{{ get_merge_sql('t', 's', 'id', cols) }}\n---\n"
            + "{{ get_delete_insert_merge_sql('t', 's', ['id'], cols) }}";
    assertEquals(
        "merge into t as DBT_INTERNAL_DEST\nusing s as DBT_INTERNAL_SOURCE\n"
            + "on DBT_INTERNAL_SOURCE.id = DBT_INTERNAL_DEST.id\n"
            + "when matched then update set\n  \"id\" = DBT_INTERNAL_SOURCE.\"id\","
            + " \"v\" = DBT_INTERNAL_SOURCE.\"v\"\n"
            + "when not matched then insert (\"id\", \"v\")\nvalues (\"id\", \"v\")\n---\n"
            + "delete from t\nwhere (id) in (\n    select distinct id from s\n);\n"
            + "insert into t (\"id\", \"v\")\n(\n    select \"id\", \"v\"\n    from s\n)",
        sql(model));
  }

  @Test
  void materializationHelpers() {
    assertEquals(
        "None|create index if not exists \"t_a_b_idx\"\non \"d\".\"s\".\"t\" (a, b);",
        compile(
                    null,
                    "{%- set r = api.Relation.create(database='d', schema='s', identifier='t') -%}"
                        + "{{ get_create_index_sql(r, {'columns': ['a']}) }}|")
                .sql()
            + compile(
                    "postgres",
                    "{%- set r = api.Relation.create(database='d', schema='s', identifier='t') -%}"
                        + "{{ get_create_index_sql(r, {'columns': ['a', 'b']}) }}")
                .sql());
    assertEquals(
        "a.dbt_unique_key1 = b.dbt_unique_key1 and a.dbt_unique_key2 = b.dbt_unique_key2|10000|TRUE",
        sql(
            "{{ unique_key_join_on(['id', 'day'], 'a', 'b') }}|{{ get_batch_size() }}|{{ get_true_sql() }}"));
  }

  @Test
  void contractColumnsFormatted() {
    assertEquals(
        "id integer, v text",
        sql(
            "{%- set cols = [api.Column.create('ID', 'integer'), api.Column.create('v', 'text')] -%}"
                + "{{ format_columns(cols) | map(attribute='formatted') | join(', ') }}"));
  }
}
