

select
    order_id,
    customer_id,
    store_code,
    status,
    ordered_at
from "jaffle_shop"."main_staging"."stg_orders"