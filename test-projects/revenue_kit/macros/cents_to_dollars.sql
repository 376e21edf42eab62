{#- An amount kept in cents, in dollars with the warehouse's exact numeric type. -#}
{% macro cents_to_dollars(column) -%}
cast({{ column }} / 100.0 as {{ dbt.type_numeric() }})
{%- endmacro %}
