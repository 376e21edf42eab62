-- Orders and revenue per day, read from the relation the `kit_orders` var names.
select
    cast(ordered_at as date) as order_date,
    count(*) as orders,
    sum(cast(amount_cents / 100.0 as numeric(28,6))) as revenue
from "revenue_kit"."main"."stg_orders"
where status != 'cancelled'
group by 1