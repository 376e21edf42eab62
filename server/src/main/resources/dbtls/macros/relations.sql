{#-
  dbtls builtin relation and schema macros (namespace `dbt`), written from dbt's documented
  behaviour. What changes the warehouse goes through the adapter, which runs it in a build and
  skips it (saying so) in a compile.
-#}

{% macro create_schema(relation) -%}
  {{ adapter.dispatch('create_schema', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__create_schema(relation) -%}
  {%- do adapter.create_schema(relation) -%}
{%- endmacro %}

{% macro drop_schema(relation) -%}
  {{ adapter.dispatch('drop_schema', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__drop_schema(relation) -%}
  {%- do adapter.drop_schema(relation) -%}
{%- endmacro %}

{% macro drop_relation(relation) -%}
  {{ return(adapter.dispatch('drop_relation', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__drop_relation(relation) -%}
  {%- do adapter.drop_relation(relation) -%}
{%- endmacro %}

{% macro truncate_relation(relation) -%}
  {{ return(adapter.dispatch('truncate_relation', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__truncate_relation(relation) -%}
  {%- do adapter.truncate_relation(relation) -%}
{%- endmacro %}

{% macro rename_relation(from_relation, to_relation) -%}
  {{ return(adapter.dispatch('rename_relation', 'dbt')(from_relation, to_relation)) }}
{%- endmacro %}

{% macro default__rename_relation(from_relation, to_relation) -%}
  {%- do adapter.rename_relation(from_relation, to_relation) -%}
{%- endmacro %}

{#- the statement that drops a relation, by its type -#}
{% macro get_drop_sql(relation) -%}
  {{ return(adapter.dispatch('get_drop_sql', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_drop_sql(relation) -%}
  {%- set kind = 'materialized view' if relation.type == 'materialized_view' else (relation.type or 'table') -%}
drop {{ kind }} if exists {{ relation.render() }} cascade
{%- endmacro %}

{% macro drop_table(relation) -%}
  {{ return(adapter.dispatch('drop_table', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__drop_table(relation) -%}
drop table if exists {{ relation.render() }} cascade
{%- endmacro %}

{% macro drop_view(relation) -%}
  {{ return(adapter.dispatch('drop_view', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__drop_view(relation) -%}
drop view if exists {{ relation.render() }} cascade
{%- endmacro %}

{#- the statement that renames a relation (new_name: an identifier or a relation) -#}
{% macro get_rename_sql(relation, new_name) -%}
  {{ return(adapter.dispatch('get_rename_sql', 'dbt')(relation, new_name)) }}
{%- endmacro %}

{% macro default__get_rename_sql(relation, new_name) -%}
  {%- set to = new_name.identifier if new_name is not string and new_name.identifier is defined else new_name -%}
alter {{ relation.type or 'table' }} {{ relation.render() }} rename to {{ to }}
{%- endmacro %}

{% macro get_rename_table_sql(relation, new_name) -%}
  {{ return(adapter.dispatch('get_rename_table_sql', 'dbt')(relation, new_name)) }}
{%- endmacro %}

{% macro default__get_rename_table_sql(relation, new_name) -%}
alter table {{ relation.render() }} rename to {{ new_name }}
{%- endmacro %}

{% macro get_rename_view_sql(relation, new_name) -%}
  {{ return(adapter.dispatch('get_rename_view_sql', 'dbt')(relation, new_name)) }}
{%- endmacro %}

{% macro default__get_rename_view_sql(relation, new_name) -%}
alter view {{ relation.render() }} rename to {{ new_name }}
{%- endmacro %}

{#- the relation if it exists (cached by dbt; asked of the adapter here) -#}
{% macro load_cached_relation(relation) -%}
  {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{%- endmacro %}

{#- (whether it existed, the relation) -#}
{% macro get_or_create_relation(database, schema, identifier, type) -%}
  {{ return(adapter.dispatch('get_or_create_relation', 'dbt')(database, schema, identifier, type)) }}
{%- endmacro %}

{% macro default__get_or_create_relation(database, schema, identifier, type) -%}
  {%- set found = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
  {%- if found -%}
    {{ return([true, found]) }}
  {%- endif -%}
  {{ return([false, api.Relation.create(database=database, schema=schema, identifier=identifier, type=type)]) }}
{%- endmacro %}

{% macro check_schema_exists(information_schema, schema) -%}
  {{ return(adapter.dispatch('check_schema_exists', 'dbt')(information_schema, schema)) }}
{%- endmacro %}

{% macro default__check_schema_exists(information_schema, schema) -%}
  {{ return(adapter.check_schema_exists(information_schema.database, schema)) }}
{%- endmacro %}

{% macro list_relations_without_caching(schema_relation) -%}
  {{ return(adapter.dispatch('list_relations_without_caching', 'dbt')(schema_relation)) }}
{%- endmacro %}

{% macro default__list_relations_without_caching(schema_relation) -%}
  {{ return(adapter.list_relations_without_caching(schema_relation)) }}
{%- endmacro %}

{% macro information_schema_name(database) -%}
  {{ return(adapter.dispatch('information_schema_name', 'dbt')(database)) }}
{%- endmacro %}

{% macro default__information_schema_name(database) -%}
  {%- if database -%}{{ database }}.INFORMATION_SCHEMA{%- else -%}INFORMATION_SCHEMA{%- endif -%}
{%- endmacro %}

{#- a query limited to `limit` rows, as dbt show writes it -#}
{% macro get_show_sql(compiled_code, sql_header, limit) -%}
  {%- if sql_header is not none -%}{{ sql_header }}{%- endif -%}
  {%- if limit is not none -%}{{ get_limit_subquery_sql(compiled_code, limit) }}{%- else -%}{{ compiled_code }}{%- endif -%}
{%- endmacro %}

{% macro get_limit_subquery_sql(sql, limit) -%}
  {{ adapter.dispatch('get_limit_sql', 'dbt')(sql, limit) }}
{%- endmacro %}

{% macro default__get_limit_sql(sql, limit) -%}
  {{ sql }}
  {% if limit is not none %}limit {{ limit }}{% endif %}
{%- endmacro %}

{#- a generic test's model filtered by its `where` config -#}
{% macro get_where_subquery(relation) -%}
  {{ return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_where_subquery(relation) -%}
  {%- set where = config.get('where') -%}
  {%- if where -%}
    {{ return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') dbt_subquery') }}
  {%- endif -%}
  {{ return(relation) }}
{%- endmacro %}

{#- the query a data test runs: its failures counted and compared with warn_if / error_if -#}
{% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
  {{ adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}

{% macro default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
select
  {{ fail_calc }} as failures,
  {{ fail_calc }} {{ warn_if }} as should_warn,
  {{ fail_calc }} {{ error_if }} as should_error
from (
  {{ main_sql }}
  {% if limit is not none %}limit {{ limit }}{% endif %}
) dbt_internal_test
{%- endmacro %}

{#- the schema of a custom schema name in prod, the target's elsewhere (dbt's documented alternative) -#}
{% macro generate_schema_name_for_env(custom_schema_name, node) -%}
  {%- if target.name == 'prod' and custom_schema_name is not none -%}
    {{ custom_schema_name | trim }}
  {%- else -%}
    {{ target.schema }}
  {%- endif -%}
{%- endmacro %}

{#- {% call set_sql_header(config) %}...{% endcall %}: SQL run before the model's statement -#}
{% macro set_sql_header(config) -%}
  {{ config.set('sql_header', caller()) }}
{%- endmacro %}

{#- whether this runs on dbt's v2 engine: dbtls emulates dbt Core 1.x -#}
{% macro is_core_v2() -%}
  {{ return(false) }}
{%- endmacro %}
