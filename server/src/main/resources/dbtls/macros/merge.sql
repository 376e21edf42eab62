{#-
  dbtls builtin incremental statements (namespace `dbt`), written from dbt's documented
  strategies: the SQL that merges, deletes and inserts, or inserts a temporary relation's rows into
  the target. Only SQL: running it is the materialization's part.
-#}

{% macro get_insert_into_sql(target_relation, temp_relation, dest_columns) -%}
  {%- set columns = get_quoted_csv(dest_columns | map(attribute='name')) -%}
insert into {{ target_relation }} ({{ columns }})
select {{ columns }} from {{ temp_relation }}
{%- endmacro %}

{#- merge source into target on unique_key (none: insert every row) -#}
{% macro get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{ adapter.dispatch('get_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{% macro default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- set predicates = [] if incremental_predicates is none else [] + incremental_predicates -%}
  {%- set columns = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- set update_columns = get_merge_update_columns(config.get('merge_update_columns'), config.get('merge_exclude_columns'), dest_columns) -%}
  {%- if unique_key -%}
    {%- set keys = unique_key if unique_key is sequence and unique_key is not string else [unique_key] -%}
    {%- for key in keys -%}
      {%- do predicates.append(get_merge_unique_key_match(key)) -%}
    {%- endfor -%}
  {%- else -%}
    {%- do predicates.append('FALSE') -%}
  {%- endif -%}
{{ config.get('sql_header') ~ '\n' if config.get('sql_header') else '' }}merge into {{ target }} as DBT_INTERNAL_DEST
using {{ source }} as DBT_INTERNAL_SOURCE
on {{ predicates | join(' and ') }}
{%- if unique_key %}
when matched then update set
  {% for c in update_columns -%}{{ c }} = DBT_INTERNAL_SOURCE.{{ c }}{{ ", " if not loop.last }}{%- endfor %}
{%- endif %}
when not matched then insert ({{ columns }})
values ({{ columns }})
{%- endmacro %}

{#- the condition that matches a source row to a target row on one key column -#}
{% macro get_merge_unique_key_match(unique_key) -%}
  {{ return(adapter.dispatch('get_merge_unique_key_match', 'dbt')(unique_key)) }}
{%- endmacro %}

{% macro default__get_merge_unique_key_match(unique_key) -%}
  {{ return('DBT_INTERNAL_SOURCE.' ~ unique_key ~ ' = DBT_INTERNAL_DEST.' ~ unique_key) }}
{%- endmacro %}

{#- delete the target's rows that source replaces, then insert source -#}
{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{ adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- set columns = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- if unique_key -%}
    {%- set keys = unique_key if unique_key is sequence and unique_key is not string else [unique_key] -%}
delete from {{ target }}
where ({{ keys | join(', ') }}) in (
    select distinct {{ keys | join(', ') }} from {{ source }}
)
{%- for p in incremental_predicates or [] %}
and {{ p }}
{%- endfor %};
{% endif -%}
insert into {{ target }} ({{ columns }})
(
    select {{ columns }}
    from {{ source }}
)
{%- endmacro %}

{#- replace whole partitions: delete the target's rows matching `predicates`, insert source -#}
{% macro get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
  {{ adapter.dispatch('get_insert_overwrite_merge_sql', 'dbt')(target, source, dest_columns, predicates, include_sql_header) }}
{%- endmacro %}

{% macro default__get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
  {%- set columns = get_quoted_csv(dest_columns | map(attribute='name')) -%}
{{ config.get('sql_header') ~ '\n' if include_sql_header and config.get('sql_header') else '' }}merge into {{ target }} as DBT_INTERNAL_DEST
using {{ source }} as DBT_INTERNAL_SOURCE
on FALSE
when not matched by source
{%- if predicates %} and {{ predicates | join(' and ') }}{% endif %}
  then delete
when not matched then insert ({{ columns }})
values ({{ columns }})
{%- endmacro %}

{#- the statement of an incremental strategy, from its argument dict (dbt's strategy macros) -#}
{% macro get_incremental_default_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_default_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_default_sql(arg_dict) -%}
  {{ return(get_incremental_append_sql(arg_dict)) }}
{%- endmacro %}

{% macro get_incremental_insert_overwrite_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_insert_overwrite_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_insert_overwrite_sql(arg_dict) -%}
  {{ return(get_insert_overwrite_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['dest_columns'], arg_dict['incremental_predicates'])) }}
{%- endmacro %}
