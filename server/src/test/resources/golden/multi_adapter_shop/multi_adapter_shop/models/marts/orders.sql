-- returns come from a package this shop installs only in some deployments: no dependency unless
-- include_returns is set, as dbt records only the refs its parse render runs
select
    o.order_id,
    o.customer_id,
    o.amount_cents,
    d.orders as orders_that_day
from "multi_adapter_shop"."main_dev_staging"."stg_orders" as o
join "multi_adapter_shop"."main"."order_days" as d
    on d.order_day = cast(o.ordered_at as date)
