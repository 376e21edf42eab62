select payment_id
from "jaffle_shop"."main_raw"."shop_payments"
where payment_id is null
