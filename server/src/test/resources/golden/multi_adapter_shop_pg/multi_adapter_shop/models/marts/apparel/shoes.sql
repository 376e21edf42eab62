select product_id, sku, price_cents
from "test"."dbtls_multi_dev_staging"."stg_products"
where category = 'shoes'