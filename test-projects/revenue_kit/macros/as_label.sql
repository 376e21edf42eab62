{#- A value as text, with the adapter's own name for a string column. -#}
{% macro as_label(column) -%}
cast({{ column }} as {{ api.Column.translate_type('string') }})
{%- endmacro %}
