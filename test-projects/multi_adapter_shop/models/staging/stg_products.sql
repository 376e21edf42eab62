select
    id as product_id,
    sku,
    category,
    price_cents
from {{ source('shop', 'products') }}
