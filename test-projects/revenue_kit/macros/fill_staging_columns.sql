{#- Fivetran-style staging: every column the package expects, taken from the source table when
    the warehouse has it there, else a typed null (so a connector without the column still builds). -#}
{% macro fill_staging_columns(source_columns, staging_columns) -%}
{%- set source_column_names = source_columns | map(attribute='name') | map('lower') | list -%}
{%- for column in staging_columns %}
    {% if column.name | lower in source_column_names -%}
        {{ column.name }}{% if 'alias' in column %} as {{ column.alias }}{% endif %}
    {%- else -%}
        cast(null as {{ column.datatype }}) as {{ column.alias if 'alias' in column else column.name }}
    {%- endif -%}
    {%- if not loop.last %},{% endif %}
{%- endfor %}
{%- endmacro %}

{#- The columns the package's staging model expects in a raw orders table. -#}
{% macro kit_order_columns() -%}
{{ return([
    {'name': 'id', 'datatype': dbt.type_int(), 'alias': 'order_id'},
    {'name': 'ordered_at', 'datatype': dbt.type_timestamp()},
    {'name': 'amount_cents', 'datatype': dbt.type_int()},
    {'name': 'currency', 'datatype': dbt.type_string()}
]) }}
{%- endmacro %}
