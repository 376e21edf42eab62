-- Singular test: every completed order has been paid for in full.
-- Returns the orders whose payments do not add up to a positive amount.
select
    o.order_id,
    o.amount
from "jaffle_shop"."main_marts"."orders" as o
where o.status = 'completed'
  and coalesce(o.amount, 0) <= 0