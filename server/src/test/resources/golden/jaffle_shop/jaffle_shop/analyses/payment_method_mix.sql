-- Share of revenue per payment method and store, for the first days of the year.
-- Compiled with `dbt compile`, never run by dbt.

with payments as (

    select * from "jaffle_shop"."main_staging"."stg_payments"

),

orders as (

    select order_id, store_code, order_date from "jaffle_shop"."main_staging"."stg_orders"

)

select
    orders.store_code,
    payments.payment_method,
    cast(orders.order_date in (date '2023-01-01', date '2023-01-02', date '2023-01-03', date '2023-01-04', date '2023-01-05', date '2023-01-06', date '2023-01-07') as TEXT) as in_first_week,
    sum(payments.amount) as revenue,
    (sum(payments.amount)) / nullif(sum(sum(payments.amount)) over (partition by orders.store_code), 0) as share_of_store
from payments
join orders
    on payments.order_id = orders.order_id
group by 1, 2, 3
order by 1, 2, 3