select
    sale_id,
    store_id,
    sold_at,
    substr(sold_at, 1, 10) as sold_on,
    total_cents / 100.0 as total,
    lower(channel) as channel
from {{ ref('lite_sales') }}
where sold_at >= '{{ var("sales_since") }}'
