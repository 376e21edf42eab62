-- Share of revenue per payment method and store, for the first days of the year.
-- Compiled with `dbt compile`, never run by dbt.
{%- set first_days = jaffle_utils.date_literals(var('first_order_date'), '2023-01-07') %}

with payments as (

    select * from {{ ref('stg_payments') }}

),

orders as (

    select order_id, store_code, order_date from {{ ref('stg_orders') }}

)

select
    orders.store_code,
    payments.payment_method,
    {{ dbt.cast_bool_to_text('orders.order_date in (' ~ first_days | join(', ') ~ ')') }} as in_first_week,
    sum(payments.amount) as revenue,
    {{ jaffle_utils.safe_divide('sum(payments.amount)', 'sum(sum(payments.amount)) over (partition by orders.store_code)') }} as share_of_store
from payments
join orders
    on payments.order_id = orders.order_id
group by 1, 2, 3
order by 1, 2, 3
