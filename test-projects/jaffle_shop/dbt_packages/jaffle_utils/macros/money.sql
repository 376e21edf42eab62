{#- Money helpers. Amounts are stored as integer cents; reports want currency units. -#}

{% macro cents_to_dollars(column_name, scale=2) -%}
  {{ return(adapter.dispatch('cents_to_dollars', 'jaffle_utils')(column_name, scale)) }}
{%- endmacro %}

{% macro default__cents_to_dollars(column_name, scale) -%}
  cast({{ column_name }} as numeric(16, {{ scale }})) / {{ var('cents_per_unit', 100) }}
{%- endmacro %}

{% macro duckdb__cents_to_dollars(column_name, scale) -%}
  round(cast({{ column_name }} as decimal(18, 4)) / {{ var('cents_per_unit', 100) }}, {{ scale }})
{%- endmacro %}

{% macro postgres__cents_to_dollars(column_name, scale) -%}
  round(({{ column_name }})::numeric / {{ var('cents_per_unit', 100) }}, {{ scale }})
{%- endmacro %}

{#- Division that yields null instead of failing when the denominator is 0. -#}
{% macro safe_divide(numerator, denominator) -%}
  {{ return(adapter.dispatch('safe_divide', 'jaffle_utils')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__safe_divide(numerator, denominator) -%}
  case when ({{ denominator }}) = 0 then null else ({{ numerator }}) / ({{ denominator }}) end
{%- endmacro %}

{% macro postgres__safe_divide(numerator, denominator) -%}
  ({{ numerator }})::numeric / nullif({{ denominator }}, 0)
{%- endmacro %}
