select
    any_value(status) as any_status,
    bool_or(is_returned) as any_returned,
    regexp_substr(listagg(status, ', ') within group (order by ordered_at), '([^, ]+, ){1,2}[^, ]+') as statuses,
    cast(is_returned as TEXT) as returned_text,
    first_name || ' ' || last_name as full_name,
    md5(cast(customer_id as TEXT)) as customer_hash,
    length(last_name) as name_length,
    position('@' in email) as at_sign,
    replace(phone, '-', '') as digits,
    right(phone, 4) as last_four,
    split_part(email, '@', 2) as domain,
    'O''''Brien' as surname,
    cast(amount as numeric(28,6)) as amount,
    cast(amount as float) as amount_float,
    cast(id as integer) as id_int,
    cast(id as bigint) as id_bigint,
    cast(code as TEXT) as code,
    cast(ordered_at as timestamp) as ordered_ts,
    cast(flag as boolean) as flag,
    (status = 'open') as is_open,
    array( 1 , 2 ) as pair,
    array(  ) as nothing,
    array_concat(tags, array( 'new' )) as more_tags,
    array_concat(tags, other_tags) as all_tags,
    to_date('2024-02-29', 'YYYY-MM-DD') as leap_day,
    dateadd(month, 1, ordered_at) as next_month,
    datediff(day, ordered_at, shipped_at) as days_to_ship,
    date_trunc('week', ordered_at) as order_week,
    cast(dateadd(day, -1, dateadd(month, 1, date_trunc('month', ordered_at))) as date) as month_end,
    getdate() as loaded_at,
    getdate() as loaded_at_old,
    getdate() as loaded_at_utc_old
from "wh"."analytics"."orders"
where 1 > 0
except
select * from "wh"."analytics"."orders"
intersect
select * from (with p as (
    select 0 as generated_number union all select 1
), unioned as (
    select
    p0.generated_number * power(2, 0) +
    p1.generated_number * power(2, 1)
    + 1 as generated_number
    from
    p as p0 cross join
    p as p1
)
select *
from unioned
where generated_number <= 3
order by generated_number) as series
union all
select * from (with rawdata as (
with p as (
    select 0 as generated_number union all select 1
), unioned as (
    select
    p0.generated_number * power(2, 0)
    + 1 as generated_number
    from
    p as p0
)
select *
from unioned
where generated_number <= 1
order by generated_number
),
all_periods as (
    select (
        dateadd(day, row_number() over (order by 1) - 1, '2024-01-01')
    ) as date_day
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_day <= '2024-01-31'
)
select * from filtered) as spine