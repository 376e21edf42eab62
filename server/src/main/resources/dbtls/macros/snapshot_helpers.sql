{#-
  dbtls builtin helpers (namespace `dbt`) that dbt's materializations and packages' custom
  materializations call by name, written from dbt's documented behaviour: the dispatch points of
  the create statements, seeds' batching, snapshots' key conditions, index statements.
-#}

{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
  {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_view_as_sql(relation, sql) -%}
  {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{#- the query of a table with its columns in the contract's order -#}
{% macro get_select_subquery(sql) -%}
  {{ return(adapter.dispatch('get_select_subquery', 'dbt')(sql)) }}
{%- endmacro %}

{% macro default__get_select_subquery(sql) -%}
select {{ get_column_names() }}
from (
    {{ sql }}
) as model_subq
{%- endmacro %}

{#- the model's contracted columns, quoted where the YAML says so -#}
{% macro get_column_names() -%}
  {{ return(adapter.dispatch('get_column_names', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_column_names() -%}
  {%- set names = [] -%}
  {%- for name, column in model['columns'].items() -%}
    {%- do names.append(adapter.quote(name) if column.get('quote') else name) -%}
  {%- endfor -%}
  {{ return(names | join(', ')) }}
{%- endmacro %}

{#- seeds: rows per insert statement, and the placeholder of a bound value -#}
{% macro get_batch_size() -%}
  {{ return(adapter.dispatch('get_batch_size', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_batch_size() -%}
  {{ return(10000) }}
{%- endmacro %}

{% macro get_binding_char() -%}
  {{ return(adapter.dispatch('get_binding_char', 'dbt')()) }}
{%- endmacro %}

{% macro default__get_binding_char() -%}
  {{ return('%s') }}
{%- endmacro %}

{#- a seed's column names, quoted as the seed's quote_columns config asks -#}
{% macro get_seed_column_quoted_csv(model, column_names) -%}
  {%- set quote = model['config'].get('quote_columns', false) -%}
  {%- set out = [] -%}
  {%- for c in column_names -%}
    {%- do out.append(adapter.quote(c) if quote else c) -%}
  {%- endfor -%}
  {{ return(out | join(', ')) }}
{%- endmacro %}

{#- a literal true, for snapshots' change conditions -#}
{% macro get_true_sql() -%}
  {{ adapter.dispatch('get_true_sql', 'dbt')() }}
{%- endmacro %}

{% macro default__get_true_sql() -%}
  {{ return('TRUE') }}
{%- endmacro %}

{#- a timestamp string as the warehouse's timestamp -#}
{% macro snapshot_string_as_time(timestamp) -%}
  {{ adapter.dispatch('snapshot_string_as_time', 'dbt')(timestamp) }}
{%- endmacro %}

{% macro default__snapshot_string_as_time(timestamp) -%}
  {{ return("'" ~ timestamp ~ "'::timestamp") }}
{%- endmacro %}

{#- a snapshot's unique_key (a column or a list of them) as {dbt_unique_key<n>: column} -#}
{% macro unique_key_fields(unique_key) -%}
  {%- if unique_key is sequence and unique_key is not string -%}
    {%- set fields = {} -%}
    {%- for key in unique_key -%}
      {%- do fields.update({'dbt_unique_key' ~ (loop.index if loop.length > 1 else ''): key}) -%}
    {%- endfor -%}
    {{ return(fields) }}
  {%- endif -%}
  {{ return({'dbt_unique_key': unique_key}) }}
{%- endmacro %}

{% macro unique_key_join_on(unique_key, identifier, from_identifier) -%}
  {%- set conditions = [] -%}
  {%- for name in unique_key_fields(unique_key).keys() -%}
    {%- do conditions.append(identifier ~ '.' ~ name ~ ' = ' ~ from_identifier ~ '.' ~ name) -%}
  {%- endfor -%}
  {{ conditions | join(' and ') }}
{%- endmacro %}

{% macro unique_key_is_null(unique_key, identifier) -%}
  {%- set conditions = [] -%}
  {%- for name in unique_key_fields(unique_key).keys() -%}
    {%- do conditions.append(identifier ~ '.' ~ name ~ ' is null') -%}
  {%- endfor -%}
  {{ conditions | join(' and ') }}
{%- endmacro %}

{% macro unique_key_is_not_null(unique_key, identifier) -%}
  {%- set conditions = [] -%}
  {%- for name in unique_key_fields(unique_key).keys() -%}
    {%- do conditions.append(identifier ~ '.' ~ name ~ ' is not null') -%}
  {%- endfor -%}
  {{ conditions | join(' and ') }}
{%- endmacro %}

{#- the names of a snapshot's meta columns, as its snapshot_meta_column_names config sets them -#}
{% macro get_snapshot_table_column_names() -%}
  {%- set names = config.get('snapshot_meta_column_names') or {} -%}
  {{ return({
      'dbt_valid_to': names.get('dbt_valid_to') or 'dbt_valid_to',
      'dbt_valid_from': names.get('dbt_valid_from') or 'dbt_valid_from',
      'dbt_scd_id': names.get('dbt_scd_id') or 'dbt_scd_id',
      'dbt_updated_at': names.get('dbt_updated_at') or 'dbt_updated_at',
      'dbt_is_deleted': names.get('dbt_is_deleted') or 'dbt_is_deleted'}) }}
{%- endmacro %}

{#- the value of dbt_valid_to in a current row: null, or dbt_valid_to_current when set -#}
{% macro get_dbt_valid_to_current(strategy, columns) -%}
  {%- set current = config.get('dbt_valid_to_current') -%}
  {%- if current -%}
coalesce(nullif({{ strategy.updated_at }}, {{ strategy.updated_at }}), {{ current }})
  {%- else -%}
nullif({{ strategy.updated_at }}, {{ strategy.updated_at }})
  {%- endif -%}
{%- endmacro %}

{#- indexes: the statement creating one ({columns, unique, type}); none where the adapter has none -#}
{% macro get_create_index_sql(relation, index_dict) -%}
  {{ return(adapter.dispatch('get_create_index_sql', 'dbt')(relation, index_dict)) }}
{%- endmacro %}

{% macro default__get_create_index_sql(relation, index_dict) -%}
  {{ return(none) }}
{%- endmacro %}

{% macro postgres__get_create_index_sql(relation, index_dict) -%}
  {%- set columns = index_dict['columns'] -%}
  {%- set name = relation.identifier ~ '_' ~ (columns | join('_')) ~ '_idx' -%}
create {% if index_dict.get('unique') %}unique {% endif %}index if not exists {{ adapter.quote(name) }}
on {{ relation.render() }} {% if index_dict.get('type') %}using {{ index_dict['type'] }} {% endif %}({{ columns | join(', ') }});
{%- endmacro %}

{#- a seed's statements: create (or truncate), then insert, as one script -#}
{% macro get_csv_sql(create_or_truncate_sql, insert_sql) -%}
  {{ adapter.dispatch('get_csv_sql', 'dbt')(create_or_truncate_sql, insert_sql) }}
{%- endmacro %}

{% macro default__get_csv_sql(create_or_truncate_sql, insert_sql) -%}
  {{ create_or_truncate_sql }};
  {{ insert_sql }}
{%- endmacro %}
