-- returns come from a package this shop installs only in some deployments: no dependency unless
-- include_returns is set, as dbt records only the refs its parse render runs
select
    o.order_id,
    o.customer_id,
    o.amount_cents,
    d.orders as orders_that_day
from {{ ref('stg_orders') }} as o
join {{ ref('order_days') }} as d
    on d.order_day = cast(o.ordered_at as date)
{% if var('include_returns', false) %}
left join {{ ref('returns') }} as r
    on r.order_id = o.order_id
{% endif %}
