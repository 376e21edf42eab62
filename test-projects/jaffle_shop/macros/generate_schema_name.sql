{#-
  Custom schemas the way dbt documents them: a node without a custom schema lands in the
  target's schema; one with `+schema: marts` lands in "<target schema>_marts". In a target
  named `prod` the custom schema is used as it is, without the prefix.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set default_schema = target.schema -%}
    {%- if custom_schema_name is none -%}
        {{ default_schema }}
    {%- elif target.name == 'prod' -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ default_schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
