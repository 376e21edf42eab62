{#- This project's own variant of jaffle_utils.safe_divide on DuckDB. dbt_project.yml's
    `dispatch:` puts jaffle_shop before jaffle_utils, so this one wins over the package's. -#}
{% macro duckdb__safe_divide(numerator, denominator) -%}
  ({{ numerator }}) / nullif({{ denominator }}, 0)
{%- endmacro %}
