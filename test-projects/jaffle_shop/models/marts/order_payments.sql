{#- Ephemeral: inlined as a CTE into the models that ref it, never built on its own. -#}
{{ config(materialized='ephemeral') }}

select
    order_id,
    {%- for method in var('payment_methods') %}
    sum(case when payment_method = '{{ method }}' then amount else 0 end) as {{ method }}_amount,
    {%- endfor %}
    sum(amount) as total_amount,
    count(*) as payment_count,
    {{ dbt.listagg('payment_method', "', '", 'order by paid_at') }} as payment_methods_used,
    max(paid_at) as last_paid_at
from {{ ref('stg_payments') }}
group by order_id
