select
    arbitrary(status) as any_status,
    bool_or(is_returned) as any_returned,
    array_join(slice(array_agg(status order by ordered_at), 1, 3), ', ') as statuses,
    cast(is_returned as varchar) as returned_text,
    first_name || ' ' || last_name as full_name,
    lower(to_hex(md5(to_utf8(cast(customer_id as varchar))))) as customer_hash,
    length(last_name) as name_length,
    position('@' in email) as at_sign,
    replace(phone, '-', '') as digits,
    substr(phone, greatest(length(phone) - (4) + 1, 1)) as last_four,
    split_part(email, '@', 2) as domain,
    'O''''Brien' as surname,
    try_cast(amount as decimal(28, 6)) as amount,
    cast(amount as double) as amount_float,
    cast(id as integer) as id_int,
    cast(id as bigint) as id_bigint,
    cast(code as varchar) as code,
    cast(ordered_at as timestamp) as ordered_ts,
    cast(flag as boolean) as flag,
    (status = 'open') as is_open,
    array[ 1 , 2 ] as pair,
    null as nothing,
    concat(tags, array[ 'new' ]) as more_tags,
    concat(tags, other_tags) as all_tags,
    to_date('2024-02-29', 'YYYY-MM-DD') as leap_day,
    date_add('month', 1, ordered_at) as next_month,
    date_diff('day', date_trunc('day', cast(ordered_at as timestamp)), date_trunc('day', cast(shipped_at as timestamp))) as days_to_ship,
    date_trunc('week', ordered_at) as order_week,
    last_day_of_month(ordered_at) as month_end,
    current_timestamp as loaded_at,
    current_timestamp::timestamp as loaded_at_old,
    current_timestamp::timestamp as loaded_at_utc_old
from "hive"."analytics"."orders"
where 1 > 0
except
select * from "hive"."analytics"."orders"
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
        date_add('day', row_number() over (order by 1) - 1, cast('2024-01-01' as date))
    ) as date_day
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_day <= cast('2024-01-31' as date)
)
select * from filtered) as spine