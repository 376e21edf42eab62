{#- Config helpers that materializations and generic tests call (dbt's own are in its global
    project; these are written for dbtls from dbt's documented behaviour). -#}

{% macro should_store_failures() %}
  {%- set configured = config.get('store_failures') -%}
  {%- if configured is none -%}
    {%- set configured = flags.STORE_FAILURES -%}
  {%- endif -%}
  {{ return(configured) }}
{% endmacro %}

{% macro should_full_refresh() %}
  {%- set configured = config.get('full_refresh') -%}
  {%- if configured is none -%}
    {%- set configured = flags.FULL_REFRESH -%}
  {%- endif -%}
  {{ return(configured) }}
{% endmacro %}
