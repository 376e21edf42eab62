with orders as (
    select
        customer_id,
        count(*) as order_count,
        sum(amount) as lifetime_value,
        max(ordered_on) as last_ordered_on
    from {{ ref('stg_orders') }}
    group by customer_id
)

select
    c.customer_id,
    c.full_name,
    c.city,
    coalesce(o.order_count, 0) as order_count,
    coalesce(o.lifetime_value, 0) as lifetime_value,
    o.last_ordered_on
from {{ ref('stg_customers') }} as c
left join orders as o on o.customer_id = c.customer_id
order by c.customer_id
