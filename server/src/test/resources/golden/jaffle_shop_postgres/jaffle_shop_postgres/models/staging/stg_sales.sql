select
    sale_id,
    store_id,
    sold_at,
    sold_at::date as sold_on,
    string_to_array(basket, '|') as items,
    coalesce(array_length(string_to_array(basket, '|'), 1), 0) as item_count,
    round(total_cents / 100.0, 2)::numeric(12, 2) as total,
    lower(channel) as channel
from "test"."dbtls_jaffle"."pg_sales"
where sold_at >= '2023-06-01'::timestamp