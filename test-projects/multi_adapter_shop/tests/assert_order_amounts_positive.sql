select order_id, amount_cents
from {{ ref('orders') }}
where amount_cents <= 0
