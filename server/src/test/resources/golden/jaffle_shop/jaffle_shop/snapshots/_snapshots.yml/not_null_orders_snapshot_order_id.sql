select order_id
from "jaffle_shop"."main"."orders_snapshot"
where order_id is null
