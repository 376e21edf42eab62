{#- A case expression putting an amount into a named band; see macros/_macros.yml. -#}
{% macro order_value_band(amount_column, thresholds=[10, 25, 50], labels=none) -%}
    {%- set labels = labels or ['small', 'medium', 'large', 'party'] -%}
    {%- if labels | length != thresholds | length + 1 -%}
        {{ exceptions.raise_compiler_error("order_value_band: need one more label than thresholds") }}
    {%- endif -%}
    case
    {%- for limit in thresholds %}
        when {{ amount_column }} < {{ limit }} then '{{ labels[loop.index0] }}'
    {%- endfor %}
        else '{{ labels[-1] }}'
    end
{%- endmacro %}
