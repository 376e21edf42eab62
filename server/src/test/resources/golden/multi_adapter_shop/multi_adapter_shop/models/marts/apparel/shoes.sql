select product_id, sku, price_cents
from "multi_adapter_shop"."main_dev_staging"."stg_products"
where category = 'shoes'