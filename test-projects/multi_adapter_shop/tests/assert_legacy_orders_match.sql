-- a singular test of a disabled model is disabled with it
select l.order_id
from {{ ref('legacy_orders') }} as l
left join {{ ref('orders') }} as o on o.order_id = l.order_id
where o.order_id is null
