

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
        count(order_id) as number_of_orders,
        sum(case when not is_returned then amount else 0 end) as lifetime_value,
        bool_or(is_returned) as has_returned_an_order
    from orders
    group by customer_id

),

as_of as (

    select max(order_date) as latest_order_date from orders

),

final as (

    select
        customers.customer_id,
        customers.first_name,
        customers.last_name,
        customers.country_code,
        customers.signed_up_on,
        customer_orders.first_order_date,
        customer_orders.most_recent_order_date,
        coalesce(customer_orders.number_of_orders, 0) as number_of_orders,
        coalesce(customer_orders.lifetime_value, 0) as lifetime_value,
        (customer_orders.lifetime_value) / nullif(customer_orders.number_of_orders, 0) as average_order_value,
        date_diff('day', date_trunc('day', cast(customers.signed_up_on as timestamp)), date_trunc('day', cast(customer_orders.first_order_date as timestamp))) as days_to_first_order,
        coalesce(customer_orders.has_returned_an_order, false) as has_returned_an_order,
        case
            when customer_orders.most_recent_order_date
                >= cast((as_of.latest_order_date + ((interval '1 day') * (-90))) as date)
                then 'active'
            else 'lapsed'
        end as activity
    from customers
    cross join as_of
    left join customer_orders
        on customers.customer_id = customer_orders.customer_id

)

select * from final