select
    id as customer_id,
    email,
    signed_up_at
from "multi_adapter_shop"."raw"."customers"