select
    any_value(status) as any_status,
    logical_or(is_returned) as any_returned,
    string_agg(status, ', ' order by ordered_at limit 3) as statuses,
    cast(is_returned as string) as returned_text,
    concat(first_name, ' ', last_name) as full_name,
    to_hex(md5(cast(customer_id as string))) as customer_hash,
    length(last_name) as name_length,
    strpos(email, '@') as at_sign,
    replace(phone, '-', '') as digits,
    right(phone, 4) as last_four,
    split(email, '@')[safe_offset(2 - 1)] as domain,
    'O\\'Brien' as surname,
    safe_cast(amount as numeric) as amount,
    cast(amount as FLOAT64) as amount_float,
    cast(id as INT64) as id_int,
    cast(id as bigint) as id_bigint,
    cast(code as string) as code,
    cast(ordered_at as timestamp) as ordered_ts,
    cast(flag as boolean) as flag,
    (status = 'open') as is_open,
    [ 1 , 2 ] as pair,
    ARRAY<INT64>[] as nothing,
    array_concat(tags, [ 'new' ]) as more_tags,
    array_concat(tags, other_tags) as all_tags,
    date(2024, 2, 29) as leap_day,
    datetime_add(cast(ordered_at as datetime), interval 1 month) as next_month,
    datetime_diff(cast(shipped_at as datetime), cast(ordered_at as datetime), day) as days_to_ship,
    timestamp_trunc(cast(ordered_at as timestamp), week) as order_week,
    last_day(cast(ordered_at as date), month) as month_end,
    current_timestamp() as loaded_at,
    current_timestamp as loaded_at_old,
    current_timestamp as loaded_at_utc_old
from `proj`.`analytics`.`orders`
where 1 > 0
except distinct
select * from `proj`.`analytics`.`orders`
intersect distinct
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
        datetime_add(cast('2024-01-01' as datetime), interval row_number() over (order by 1) - 1 day)
    ) as date_day
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_day <= '2024-01-31'
)
select * from filtered) as spine