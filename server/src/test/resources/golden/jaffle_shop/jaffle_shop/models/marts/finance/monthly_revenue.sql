

select
    cast(date_trunc('month', revenue_date) as date) as revenue_month,
    cast(((date_trunc('month', revenue_date) + ((interval '1 month') * (1))) + ((interval '1 day') * (-1))) as date) as month_end,
    sum(total_revenue) as total_revenue,
    sum(paid_orders) as paid_orders,
    (sum(total_revenue)) / nullif(sum(paid_orders), 0) as revenue_per_order
from "jaffle_shop"."main_marts"."daily_revenue"
group by 1, 2