select payment_id
from "jaffle_shop"."{{ target.schema }}_raw"."shop_payments"
where payment_id is null
