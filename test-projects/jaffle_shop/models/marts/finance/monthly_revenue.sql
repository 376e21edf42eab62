{{ config(materialized='view', alias='revenue_by_month') }}

select
    cast({{ dbt.date_trunc('month', 'revenue_date') }} as date) as revenue_month,
    {{ dbt.last_day('revenue_date', 'month') }} as month_end,
    sum(total_revenue) as total_revenue,
    sum(paid_orders) as paid_orders,
    {{ jaffle_utils.safe_divide('sum(total_revenue)', 'sum(paid_orders)') }} as revenue_per_order
from {{ ref('daily_revenue') }}
group by 1, 2
