with customers as (

    select * from "jaffle_shop"."main_staging"."stg_customers"

),

orders as (

    select * from "jaffle_shop"."main_marts"."orders"

),

customer_orders as (

    select
        customer_id,
        min(order_date) as first_order_date,
        max(order_date) as most_recent_order_date,
        count(order_id) as number_of_orders
    from orders
    group by customer_id

)

select
    customers.customer_id,
    customers.full_name,
    customer_orders.first_order_date,
    customer_orders.most_recent_order_date,
    coalesce(customer_orders.number_of_orders, 0) as number_of_orders
from customers
left join customer_orders
    on customers.customer_id = customer_orders.customer_id