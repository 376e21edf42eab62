select revenue_date
from "jaffle_shop"."main_marts"."daily_revenue"
where revenue_date is null
