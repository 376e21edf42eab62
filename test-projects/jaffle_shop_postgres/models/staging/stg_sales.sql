select
    sale_id,
    store_id,
    sold_at,
    sold_at::date as sold_on,
    string_to_array(basket, '|') as items,
    {{ basket_size('basket') }} as item_count,
    round(total_cents / 100.0, 2)::numeric(12, 2) as total,
    lower(channel) as channel
from {{ ref('pg_sales') }}
where sold_at >= '{{ var("sales_since") }}'::timestamp
