select
    id as product_id,
    sku,
    category,
    price_cents
from "test"."dbtls_multi_raw"."products"