select
    id as order_id,
    customer_id,
    product_id,
    quantity,
    amount_cents,
    ordered_at
from "multi_adapter_shop"."raw"."web_orders"