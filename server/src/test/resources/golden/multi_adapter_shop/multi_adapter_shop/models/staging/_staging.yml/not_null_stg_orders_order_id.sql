select order_id
from "multi_adapter_shop"."main_dev_staging"."stg_orders"
where order_id is null
