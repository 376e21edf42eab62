select store_code
from "jaffle_shop"."main_staging"."stg_orders"
where store_code is null
