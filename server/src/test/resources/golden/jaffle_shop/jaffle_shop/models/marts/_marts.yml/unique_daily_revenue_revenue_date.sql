select
    revenue_date as unique_field,
    count(*) as n_records
from "jaffle_shop"."main_marts"."daily_revenue"
where revenue_date is not null
group by revenue_date
having count(*) > 1
