{{ config(materialized='table', schema=var('mart_schema')) }}

{%- set tables = ['orders_eu', 'orders_us'] -%}

{% for t in tables %}
select '{{ t }}' as region, * from {{ source('shop', t) }}
{% if not loop.last %}union all{% endif %}
{% endfor %}

{{ dbt_utils.date_spine(datepart="day", start_date="cast('2019-01-01' as date)", end_date="current_date") }}
