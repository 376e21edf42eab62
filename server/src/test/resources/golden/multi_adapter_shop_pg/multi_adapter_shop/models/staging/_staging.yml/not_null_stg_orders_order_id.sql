select order_id
from "test"."dbtls_multi_dev_staging"."stg_orders"
where order_id is null
