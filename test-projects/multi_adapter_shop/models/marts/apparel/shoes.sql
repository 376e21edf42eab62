select product_id, sku, price_cents
from {{ ref('stg_products') }}
where category = 'shoes'
