{#-
  dbtls builtin equality macro (namespace `dbt`).

  Written for dbtls from the documented behaviour of dbt's equals macro: a plain `=`, unless the
  project turns on the behaviour flag enable_truthy_nulls_equals_macro, when two nulls are equal.
-#}

{% macro equals(expr1, expr2) -%}
  {{ return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) }}
{%- endmacro %}

{% macro default__equals(expr1, expr2) -%}
{%- if adapter.behavior.enable_truthy_nulls_equals_macro.no_warn -%}
case when (({{ expr1 }} = {{ expr2 }}) or ({{ expr1 }} is null and {{ expr2 }} is null))
    then 0
    else 1
end = 0
{%- else -%}
({{ expr1 }} = {{ expr2 }})
{%- endif -%}
{%- endmacro %}

{#- Warehouses with the standard null-safe comparison use it. -#}
{% macro postgres__equals(expr1, expr2) -%}
{%- if adapter.behavior.enable_truthy_nulls_equals_macro.no_warn -%}
({{ expr1 }} IS NOT DISTINCT FROM {{ expr2 }})
{%- else -%}
({{ expr1 }} = {{ expr2 }})
{%- endif -%}
{%- endmacro %}

{% macro snowflake__equals(expr1, expr2) -%}
{{ dbt.postgres__equals(expr1, expr2) }}
{%- endmacro %}

{% macro bigquery__equals(expr1, expr2) -%}
{{ dbt.postgres__equals(expr1, expr2) }}
{%- endmacro %}
