select
    id as order_id,
    customer_id,
    product_id,
    quantity,
    amount_cents,
    ordered_at
from "test"."dbtls_multi_raw"."web_orders"