select
    id as product_id,
    sku,
    category,
    price_cents
from "multi_adapter_shop"."raw"."products"