{#-
  dbtls builtin column macros (namespace `dbt`), written from dbt's documented behaviour: what a
  query or relation has for columns. Without a warehouse the queries are skipped (introspection)
  and the answers are what the project's files say, or empty.
-#}

{% macro get_columns_in_relation(relation) -%}
  {{ return(adapter.dispatch('get_columns_in_relation', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_columns_in_relation(relation) -%}
  {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{#- a query that returns no row but has the columns of select_sql -#}
{% macro get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
  {{ return(adapter.dispatch('get_empty_subquery_sql', 'dbt')(select_sql, select_sql_header)) }}
{%- endmacro %}

{% macro default__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
{{ select_sql_header ~ '\n' if select_sql_header is not none else '' }}select * from (
{{ select_sql }}
) as __dbt_sbq
where false
limit 0
{%- endmacro %}

{#- a query that returns no row and has the given columns ({name: {data_type}} as contracts list them) -#}
{% macro get_empty_schema_sql(columns) -%}
  {{ return(adapter.dispatch('get_empty_schema_sql', 'dbt')(columns)) }}
{%- endmacro %}

{% macro default__get_empty_schema_sql(columns) -%}
  {%- set casts = [] -%}
  {%- for name, column in columns.items() -%}
    {%- set quoted = adapter.quote(name) if column.get('quote') else name -%}
    {%- do casts.append('cast(null as ' ~ column['data_type'] ~ ') as ' ~ quoted) -%}
  {%- endfor -%}
select {{ casts | join(', ') }}
{%- endmacro %}

{#- the column names select_sql returns: a query on the warehouse -#}
{% macro get_columns_in_query(select_sql) -%}
  {{ return(adapter.dispatch('get_columns_in_query', 'dbt')(select_sql)) }}
{%- endmacro %}

{% macro default__get_columns_in_query(select_sql) -%}
  {%- call statement('get_columns_in_query', fetch_result=True, auto_begin=False) -%}
    {{ get_empty_subquery_sql(select_sql) }}
  {%- endcall -%}
  {%- set result = load_result('get_columns_in_query') -%}
  {%- set table = result['table'] if result else none -%}
  {{ return(table.columns | map(attribute='name') | list if table else []) }}
{%- endmacro %}

{#- the columns (api.Column) select_sql returns: a query on the warehouse -#}
{% macro get_column_schema_from_query(select_sql, select_sql_header=none) -%}
  {%- call statement('get_column_schema_from_query', fetch_result=True, auto_begin=False) -%}
    {{ get_empty_subquery_sql(select_sql, select_sql_header) }}
  {%- endcall -%}
  {%- set result = load_result('get_column_schema_from_query') -%}
  {%- set table = result['table'] if result else none -%}
  {%- set columns = [] -%}
  {%- for c in (table.columns if table else []) -%}
    {%- do columns.append(api.Column.create(c.name, c.data_type | default('', true))) -%}
  {%- endfor -%}
  {{ return(columns) }}
{%- endmacro %}

{% macro get_list_of_column_names(columns) -%}
  {{ return(columns | map(attribute='name') | list) }}
{%- endmacro %}

{#- api.Column objects from an agate table of (name, type, ...) rows -#}
{% macro sql_convert_columns_in_relation(table) -%}
  {%- set columns = [] -%}
  {%- for row in table -%}
    {%- do columns.append(api.Column.create(row[0], row[1])) -%}
  {%- endfor -%}
  {{ return(columns) }}
{%- endmacro %}

{#- columns of a unit test's model: its relation's -#}
{% macro get_columns_for_unit_tests(relation) -%}
  {{ return(adapter.dispatch('get_columns_for_unit_tests', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_columns_for_unit_tests(relation) -%}
  {{ return(get_columns_in_relation(relation)) }}
{%- endmacro %}

{#- the columns of source that target lacks -#}
{% macro diff_columns(source_columns, target_columns) -%}
  {%- set target_names = target_columns | map(attribute='name') | map('lower') | list -%}
  {%- set missing = [] -%}
  {%- for c in source_columns -%}
    {%- if c.name | lower not in target_names -%}{%- do missing.append(c) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(missing) }}
{%- endmacro %}

{#- the columns of both whose data types differ, as {column_name, new_type} -#}
{% macro diff_column_data_types(source_columns, target_columns) -%}
  {{ return(adapter.dispatch('diff_column_data_types', 'dbt')(source_columns, target_columns)) }}
{%- endmacro %}

{% macro default__diff_column_data_types(source_columns, target_columns) -%}
  {%- set changed = [] -%}
  {%- for s in source_columns -%}
    {%- for t in target_columns -%}
      {%- if s.name | lower == t.name | lower and s.data_type != t.data_type -%}
        {%- do changed.append({'column_name': t.name, 'new_type': s.data_type}) -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(changed) }}
{%- endmacro %}

{#- what an incremental merge updates: merge_update_columns, else all but merge_exclude_columns -#}
{% macro get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
  {{ return(adapter.dispatch('get_merge_update_columns', 'dbt')(merge_update_columns, merge_exclude_columns, dest_columns)) }}
{%- endmacro %}

{% macro default__get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
  {%- if merge_update_columns and merge_exclude_columns -%}
    {{ exceptions.raise_compiler_error('Model cannot specify merge_update_columns and merge_exclude_columns. Please update model to use only one config') }}
  {%- elif merge_update_columns -%}
    {{ return(merge_update_columns) }}
  {%- endif -%}
  {%- set excluded = (merge_exclude_columns or []) | map('lower') | list -%}
  {%- set kept = [] -%}
  {%- for c in dest_columns -%}
    {%- if c.column | lower not in excluded -%}{%- do kept.append(c.quoted) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(kept) }}
{%- endmacro %}

{#- each column as {name, data_type, formatted: 'name type'}, as contracts' DDL lists them -#}
{% macro format_columns(columns) -%}
  {%- set out = [] -%}
  {%- for column in columns -%}
    {%- do out.append(adapter.dispatch('format_column', 'dbt')(column)) -%}
  {%- endfor -%}
  {{ return(out) }}
{%- endmacro %}

{% macro default__format_column(column) -%}
  {{ return({'name': column.name, 'data_type': column.dtype, 'formatted': column.column | lower ~ ' ' ~ column.dtype}) }}
{%- endmacro %}
