select
    revenue_month as unique_field,
    count(*) as n_records
from "jaffle_shop"."main_marts"."revenue_by_month"
where revenue_month is not null
group by revenue_month
having count(*) > 1
