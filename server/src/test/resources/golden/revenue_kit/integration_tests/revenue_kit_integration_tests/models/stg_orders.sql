select
    id as order_id,
    cast(ordered_at as timestamp) as ordered_at,
    amount_cents,
    cast(status as TEXT) as status
from "revenue_kit"."main"."raw_orders"