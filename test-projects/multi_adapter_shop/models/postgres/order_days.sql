-- PostgreSQL: the ::date cast
select
    date_trunc('day', ordered_at)::date as order_day,
    count(*) as orders
from {{ ref('stg_orders') }}
group by 1
