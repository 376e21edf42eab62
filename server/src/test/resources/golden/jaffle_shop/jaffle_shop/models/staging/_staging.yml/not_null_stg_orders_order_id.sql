select order_id
from "jaffle_shop"."main_staging"."stg_orders"
where order_id is null
