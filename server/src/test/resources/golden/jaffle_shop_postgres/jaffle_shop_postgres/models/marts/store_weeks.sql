

-- Every store and every week since it opened, with zero-sale weeks filled in.
with weeks as (

    select
        stores.store_id,
        week_start::date as week_start
    from "test"."dbtls_jaffle"."stg_stores" as stores
    cross join lateral generate_series(
        date_trunc('week', greatest(stores.opened_on, '2023-06-01'::date)),
        date_trunc('week', current_date),
        interval '1 week'
    ) as week_start

)

select
    weeks.store_id,
    weeks.week_start,
    (weeks.week_start + ((interval '1 day') * (6)))::date as week_end,
    coalesce(sum(daily.revenue), 0) as revenue,
    coalesce(sum(daily.sales), 0) as sales
from weeks
left join "test"."dbtls_jaffle_reporting"."store_daily_sales" as daily
    on daily.store_id = weeks.store_id
    and daily.sold_on >= weeks.week_start
    and daily.sold_on < (weeks.week_start + ((interval '1 week') * (1)))
group by 1, 2