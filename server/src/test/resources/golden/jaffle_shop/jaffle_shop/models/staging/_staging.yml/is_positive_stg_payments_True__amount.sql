select amount
from "jaffle_shop"."main_staging"."stg_payments"
where amount < 0
