select
    id as customer_id,
    email,
    signed_up_at
from {{ source('shop', 'customers') }}
