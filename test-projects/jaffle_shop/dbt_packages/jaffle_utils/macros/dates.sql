{#- A list of SQL date literals, one per day from start_date to end_date inclusive, built in
    Jinja (for small ranges, e.g. a `values` list in tests). -#}
{% macro date_literals(start_date, end_date) -%}
  {%- set start = modules.datetime.date.fromisoformat(start_date) -%}
  {%- set days = (modules.datetime.date.fromisoformat(end_date) - start).days -%}
  {%- set out = [] -%}
  {%- for i in range(days + 1) -%}
    {%- do out.append("date '" ~ (start + modules.datetime.timedelta(days=i)).isoformat() ~ "'") -%}
  {%- endfor -%}
  {{ return(out) }}
{%- endmacro %}

{#- The name of the day of the week of a date expression, e.g. 'Monday'. -#}
{% macro day_name(date_expression) -%}
  {{ return(adapter.dispatch('day_name', 'jaffle_utils')(date_expression)) }}
{%- endmacro %}

{% macro default__day_name(date_expression) -%}
  trim(to_char({{ date_expression }}, 'Day'))
{%- endmacro %}

{% macro duckdb__day_name(date_expression) -%}
  dayname({{ date_expression }})
{%- endmacro %}
