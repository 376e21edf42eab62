select customer_id
from "jaffle_shop"."main_raw"."shop_customers"
where customer_id is null
