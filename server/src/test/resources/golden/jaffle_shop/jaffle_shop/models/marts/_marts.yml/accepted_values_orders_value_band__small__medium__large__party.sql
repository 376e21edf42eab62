with all_values as (
    select value_band as value_field, count(*) as n_records
    from "jaffle_shop"."main_marts"."orders"
    group by value_band
)
select *
from all_values
where value_field not in ('small', 'medium', 'large', 'party')
