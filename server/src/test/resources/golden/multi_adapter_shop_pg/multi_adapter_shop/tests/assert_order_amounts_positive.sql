select order_id, amount_cents
from "test"."dbtls_multi"."orders"
where amount_cents <= 0