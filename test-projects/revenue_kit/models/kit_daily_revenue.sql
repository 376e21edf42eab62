-- Orders and revenue per day, read from the relation the `kit_orders` var names.
select
    cast(ordered_at as date) as order_date,
    count(*) as orders,
    sum({{ revenue_kit.cents_to_dollars('amount_cents') }}) as revenue
from {{ var('kit_orders') }}
where status != 'cancelled'
group by 1
