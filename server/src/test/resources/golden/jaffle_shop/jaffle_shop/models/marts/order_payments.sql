

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