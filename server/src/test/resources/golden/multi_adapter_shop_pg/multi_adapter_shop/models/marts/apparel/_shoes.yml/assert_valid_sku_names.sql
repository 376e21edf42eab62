with all_values as (
    select sku as value_field, count(*) as n_records
    from "test"."dbtls_multi"."shoes"
    group by sku
)
select *
from all_values
where value_field not in ('sh-001', 'sh-002')
