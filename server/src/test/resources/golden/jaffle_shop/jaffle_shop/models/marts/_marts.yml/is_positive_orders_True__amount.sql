select amount
from "jaffle_shop"."main_marts"."orders"
where amount < 0
