select total_revenue
from "jaffle_shop"."main_marts"."daily_revenue"
where total_revenue <= 0
