{#-
  dbtls builtin generic data tests (namespace `dbt`), written from dbt's documented behaviour:
  each selects the rows that break the rule, so an empty result means the test passes.
  Dispatched, so a project or adapter may provide its own variant.
-#}

{% test not_null(model, column_name) %}
  {{ return(adapter.dispatch('test_not_null', 'dbt')(model, column_name)) }}
{% endtest %}

{% macro default__test_not_null(model, column_name) -%}
{#- as dbt: every column when the failing rows are stored, to see them whole -#}
{%- set column_list = '*' if should_store_failures() else column_name -%}
select {{ column_list }}
from {{ model }}
where {{ column_name }} is null
{%- endmacro %}

{% test unique(model, column_name) %}
  {{ return(adapter.dispatch('test_unique', 'dbt')(model, column_name)) }}
{% endtest %}

{% macro default__test_unique(model, column_name) -%}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{%- endmacro %}

{% test accepted_values(model, column_name, values, quote=True) %}
  {{ return(adapter.dispatch('test_accepted_values', 'dbt')(model, column_name, values, quote)) }}
{% endtest %}

{% macro default__test_accepted_values(model, column_name, values, quote=True) -%}
with all_values as (
    select {{ column_name }} as value_field, count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)
select *
from all_values
where value_field not in (
    {%- for value in values -%}
    {%- if quote %}'{{ value }}'{% else %}{{ value }}{% endif %}{{ ", " if not loop.last }}
    {%- endfor -%}
)
{%- endmacro %}

{% test relationships(model, column_name, to, field) %}
  {{ return(adapter.dispatch('test_relationships', 'dbt')(model, column_name, to, field)) }}
{% endtest %}

{% macro default__test_relationships(model, column_name, to, field) -%}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),
parent as (
    select {{ field }} as to_field
    from {{ to }}
)
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{%- endmacro %}
