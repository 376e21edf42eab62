-- DuckDB: date_trunc returns a timestamp; cast it to a date
select
    cast(date_trunc('day', ordered_at) as date) as order_day,
    count(*) as orders
from {{ ref('stg_orders') }}
group by 1
