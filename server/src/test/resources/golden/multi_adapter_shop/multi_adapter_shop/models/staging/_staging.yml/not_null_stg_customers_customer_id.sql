select customer_id
from "multi_adapter_shop"."main_dev_staging"."stg_customers"
where customer_id is null
