select
    id as order_id,
    customer_id,
    amount,
    status,
    cast(ordered_at as date) as ordered_at,
    {{ function('is_positive') }}(amount) as is_positive
from {{ ref('raw_orders') }}
