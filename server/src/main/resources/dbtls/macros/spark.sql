{#-
  dbtls builtin macros of dbt-spark that templates call directly (dbt-databricks loads them too),
  written from their documented behaviour.
-#}

{#- function(arg), failing the query when it is null (Spark's assert_true) -#}
{% macro assert_not_null(function, arg) -%}
  {{ adapter.dispatch('assert_not_null', 'dbt')(function, arg) }}
{%- endmacro %}

{% macro spark__assert_not_null(function, arg) -%}
  coalesce({{ function }}({{ arg }}), nvl2({{ function }}({{ arg }}), assert_true({{ function }}({{ arg }}) is not null), null))
{%- endmacro %}
