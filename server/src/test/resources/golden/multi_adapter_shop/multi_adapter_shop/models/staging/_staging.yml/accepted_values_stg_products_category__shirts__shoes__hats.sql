with all_values as (
    select category as value_field, count(*) as n_records
    from "multi_adapter_shop"."main_dev_staging"."stg_products"
    group by category
)
select *
from all_values
where value_field not in ('shirts', 'shoes', 'hats')
