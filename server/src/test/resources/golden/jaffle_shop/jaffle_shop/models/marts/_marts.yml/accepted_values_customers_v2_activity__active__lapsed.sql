with all_values as (
    select activity as value_field, count(*) as n_records
    from "jaffle_shop"."main_marts"."customers_v2"
    group by activity
)
select *
from all_values
where value_field not in ('active', 'lapsed')
