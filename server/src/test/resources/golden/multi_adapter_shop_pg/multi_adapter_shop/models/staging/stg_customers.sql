select
    id as customer_id,
    email,
    signed_up_at
from "test"."dbtls_multi_raw"."customers"