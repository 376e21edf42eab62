select customer_id
from "jaffle_shop"."main_staging"."stg_customers"
where customer_id is null
