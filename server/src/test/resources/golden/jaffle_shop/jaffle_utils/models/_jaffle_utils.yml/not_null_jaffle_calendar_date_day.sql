select date_day
from "jaffle_shop"."main_utils"."jaffle_calendar"
where date_day is null
