with all_values as (
    select channel as value_field, count(*) as n_records
    from "test"."dbtls_jaffle"."stg_sales"
    group by channel
)
select *
from all_values
where value_field not in ('till', 'app', 'web')
