{{
    config(
        materialized='incremental',
        unique_key='revenue_date',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns'
    )
}}

with payments as (

    select * from {{ ref('stg_payments') }}
    {% if is_incremental() %}
    -- reprocess the last three days already loaded, to pick up late payments
    where paid_at >= (
        select {{ dbt.dateadd('day', -3, 'max(revenue_date)') }}
        from {{ this }}
    )
    {% endif %}

)

select
    cast({{ dbt.date_trunc('day', 'paid_at') }} as date) as revenue_date,
    {%- for method in var('payment_methods') %}
    sum(case when payment_method = '{{ method }}' then amount else 0 end) as {{ method }}_revenue,
    {%- endfor %}
    sum(amount) as total_revenue,
    count(distinct order_id) as paid_orders,
    {{ dbt.current_timestamp() }} as loaded_at
from payments
group by 1
