select payment_id
from "jaffle_shop"."main_staging"."stg_payments"
where payment_id is null
