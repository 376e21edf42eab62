select amount
from "jaffle_shop"."main_marts"."orders"
where amount is null
