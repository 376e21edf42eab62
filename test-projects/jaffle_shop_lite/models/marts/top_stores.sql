-- The three stores with the most revenue since var('sales_since').
select
    stores.store_id,
    stores.store_name,
    sum(daily.revenue) as revenue,
    count(*) as trading_days
from {{ ref('store_daily_sales') }} as daily
join {{ ref('stg_stores') }} as stores
    on stores.store_id = daily.store_id
group by stores.store_id, stores.store_name
order by revenue desc
limit 3
