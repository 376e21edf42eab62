select
    customer_id,
    count(*) as order_count,
    sum(amount) as lifetime_value
from {{ ref('orders') }}
group by 1
