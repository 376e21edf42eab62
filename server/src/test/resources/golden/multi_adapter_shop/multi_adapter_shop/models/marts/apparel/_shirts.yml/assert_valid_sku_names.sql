with all_values as (
    select sku as value_field, count(*) as n_records
    from "multi_adapter_shop"."main"."shirts"
    group by sku
)
select *
from all_values
where value_field not in ('sh-001', 'sh-002')
