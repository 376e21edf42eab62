select
    id as order_id,
    customer_id,
    product_id,
    quantity,
    amount_cents,
    ordered_at
from {{ source('shop', 'orders') }}
