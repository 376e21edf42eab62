select order_id
from "jaffle_shop"."snapshots"."orders_snapshot"
where order_id is null
