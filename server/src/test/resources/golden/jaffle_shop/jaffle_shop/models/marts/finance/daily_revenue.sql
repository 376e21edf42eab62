

with payments as (

    select * from "jaffle_shop"."main_staging"."stg_payments"
    

)

select
    cast(date_trunc('day', paid_at) as date) as revenue_date,
    sum(case when payment_method = 'credit_card' then amount else 0 end) as credit_card_revenue,
    sum(case when payment_method = 'gift_card' then amount else 0 end) as gift_card_revenue,
    sum(case when payment_method = 'bank_transfer' then amount else 0 end) as bank_transfer_revenue,
    sum(case when payment_method = 'coupon' then amount else 0 end) as coupon_revenue,
    sum(amount) as total_revenue,
    count(distinct order_id) as paid_orders,
    now() as loaded_at
from payments
group by 1