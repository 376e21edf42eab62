{#-
  dbtls builtin set-operator macros (namespace `dbt`): the keyword that removes, or keeps,
  the rows of the second query from the first, with duplicates removed.
  Written for dbtls from the documented behaviour of dbt's cross-database macros.
-#}

{% macro except() -%}
  {{ return(adapter.dispatch('except', 'dbt')()) }}
{%- endmacro %}

{% macro default__except() -%}
except
{%- endmacro %}

{#- BigQuery requires the distinct/all qualifier. -#}
{% macro bigquery__except() -%}
except distinct
{%- endmacro %}

{% macro intersect() -%}
  {{ return(adapter.dispatch('intersect', 'dbt')()) }}
{%- endmacro %}

{% macro default__intersect() -%}
intersect
{%- endmacro %}

{% macro bigquery__intersect() -%}
intersect distinct
{%- endmacro %}
