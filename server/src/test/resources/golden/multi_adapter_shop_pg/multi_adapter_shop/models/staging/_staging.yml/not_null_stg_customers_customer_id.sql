select customer_id
from "test"."dbtls_multi_dev_staging"."stg_customers"
where customer_id is null
