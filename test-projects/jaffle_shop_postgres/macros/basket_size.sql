{#- Number of items in a '|'-separated basket column. -#}
{% macro basket_size(basket_column) -%}
    coalesce(array_length(string_to_array({{ basket_column }}, '|'), 1), 0)
{%- endmacro %}
