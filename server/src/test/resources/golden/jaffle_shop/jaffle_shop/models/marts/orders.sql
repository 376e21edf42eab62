

with  __dbt__cte__order_payments as (


select
    order_id,
    sum(case when payment_method = 'credit_card' then amount else 0 end) as credit_card_amount,
    sum(case when payment_method = 'gift_card' then amount else 0 end) as gift_card_amount,
    sum(case when payment_method = 'bank_transfer' then amount else 0 end) as bank_transfer_amount,
    sum(case when payment_method = 'coupon' then amount else 0 end) as coupon_amount,
    sum(amount) as total_amount,
    count(*) as payment_count,
    string_agg(payment_method, ', ' order by paid_at) as payment_methods_used,
    max(paid_at) as last_paid_at
from "jaffle_shop"."main_staging"."stg_payments"
group by order_id
), orders as (

    select * from "jaffle_shop"."main_staging"."stg_orders"

),

payments as (

    select * from __dbt__cte__order_payments

),

joined as (

    select
        orders.order_id,
        orders.customer_id,
        orders.order_date,
        orders.ordered_at,
        orders.store_code,
        orders.status,
        orders.is_returned,
        cast(coalesce(payments.credit_card_amount, 0) as numeric(28,6)) as credit_card_amount,
        cast(coalesce(payments.gift_card_amount, 0) as numeric(28,6)) as gift_card_amount,
        cast(coalesce(payments.bank_transfer_amount, 0) as numeric(28,6)) as bank_transfer_amount,
        cast(coalesce(payments.coupon_amount, 0) as numeric(28,6)) as coupon_amount,
        cast(coalesce(payments.total_amount, 0) as numeric(28,6)) as amount,
        case
        when coalesce(payments.total_amount, 0) < 10 then 'small'
        when coalesce(payments.total_amount, 0) < 25 then 'medium'
        when coalesce(payments.total_amount, 0) < 50 then 'large'
        else 'party'
    end as value_band,
        cast(date_diff('minute', date_trunc('minute', cast(orders.ordered_at as timestamp)), date_trunc('minute', cast(payments.last_paid_at as timestamp))) as bigint) as minutes_to_pay,
        cast(row_number() over (
            partition by orders.customer_id
            order by orders.ordered_at, orders.order_id
        ) as bigint) as customer_order_number
    from orders
    left join payments
        on orders.order_id = payments.order_id

)

select * from joined