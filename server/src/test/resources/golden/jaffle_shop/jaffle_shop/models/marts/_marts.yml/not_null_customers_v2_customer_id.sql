select customer_id
from "jaffle_shop"."main_marts"."customers_v2"
where customer_id is null
