-- The package's report, checked against the orders it read.
select
    'main_reports' as report_schema,
    kit.order_date,
    kit.orders,
    kit.revenue,
    cast(kit.revenue as float) as revenue_approx
from "revenue_kit"."main"."kit_daily_revenue" as kit
order by kit.order_date