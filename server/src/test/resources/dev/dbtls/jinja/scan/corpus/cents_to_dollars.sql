{% macro cents_to_dollars(column_name, scale=2, label='x,)') -%}
    {#- Converts a column of cents to dollars, rounded to `scale` digits. -#}
    {{ return(adapter.dispatch('cents_to_dollars', 'jaffle')(column_name, scale)) }}
{%- endmacro %}

{% macro default__cents_to_dollars(column_name, scale) -%}
    ({{ column_name }} / 100)::numeric(16, {{ scale }})
{%- endmacro %}

{% macro duckdb__cents_to_dollars(column_name, scale) -%}
    round(cast(({{ column_name }} / 100) as decimal(16, {{ scale }})), {{ scale }})
{%- endmacro %}

{% macro postgres__cents_to_dollars(column_name, scale) %}
    {{ dbt.safe_cast(column_name ~ ' / 100', api.Column.translate_type('numeric')) }}
{% endmacro %}
