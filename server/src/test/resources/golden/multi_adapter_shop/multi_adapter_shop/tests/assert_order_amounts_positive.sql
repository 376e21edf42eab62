select order_id, amount_cents
from "multi_adapter_shop"."main"."orders"
where amount_cents <= 0