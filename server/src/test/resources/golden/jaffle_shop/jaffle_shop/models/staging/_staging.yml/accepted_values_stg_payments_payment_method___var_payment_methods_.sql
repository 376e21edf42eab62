with all_values as (
    select payment_method as value_field, count(*) as n_records
    from "jaffle_shop"."main_staging"."stg_payments"
    group by payment_method
)
select *
from all_values
where value_field not in ('{', '{', ' ', 'v', 'a', 'r', '(', ''', 'p', 'a', 'y', 'm', 'e', 'n', 't', '_', 'm', 'e', 't', 'h', 'o', 'd', 's', ''', ')', ' ', '}', '}')
