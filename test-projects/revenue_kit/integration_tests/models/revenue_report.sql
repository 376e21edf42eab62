-- The package's report, checked against the orders it read.
select
    '{{ var('report_schema') }}' as report_schema,
    kit.order_date,
    kit.orders,
    kit.revenue,
    cast(kit.revenue as {{ dbt.type_float() }}) as revenue_approx
from {{ ref('revenue_kit', 'kit_daily_revenue') }} as kit
order by kit.order_date
