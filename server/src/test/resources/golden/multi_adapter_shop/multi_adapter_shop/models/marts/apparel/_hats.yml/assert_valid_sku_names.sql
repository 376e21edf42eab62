with all_values as (
    select sku as value_field, count(*) as n_records
    from "multi_adapter_shop"."main"."hats"
    group by sku
)
select *
from all_values
where value_field not in ('ha-001', 'ha-002')
