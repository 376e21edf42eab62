select
    min(status) as any_status,
    max(is_returned) as any_returned,
    group_concat(status, ', ' order by ordered_at) as statuses,
    case when is_returned is null then null when is_returned then 'true' else 'false' end as returned_text,
    first_name || ' ' || last_name as full_name,
    case when customer_id is not null then lower(hex(md5(cast(customer_id as TEXT)))) end as customer_hash,
    length(last_name) as name_length,
    instr(email, '@') as at_sign,
    replace(phone, '-', '') as digits,
    substr(phone, max(length(phone) - (4) + 1, 1)) as last_four,
    substr(substr(email, instr(email || '@', '@') + length('@')), 1, instr(substr(email, instr(email || '@', '@') + length('@')) || '@', '@') - 1) as domain,
    'O''''Brien' as surname,
    cast(amount as numeric(28,6)) as amount,
    cast(amount as float) as amount_float,
    cast(id as integer) as id_int,
    cast(id as bigint) as id_bigint,
    cast(code as TEXT) as code,
    cast(ordered_at as timestamp) as ordered_ts,
    cast(flag as boolean) as flag,
    (status = 'open') as is_open,
    array[ 1 , 2 ] as pair,
    array[]::integer[] as nothing,
    array_append(tags, 'new') as more_tags,
    array_cat(tags, other_tags) as all_tags,
    to_date('2024-02-29', 'YYYY-MM-DD') as leap_day,
    min(datetime(ordered_at, (1) || ' month'), datetime(date(ordered_at, 'start of month', ((1) + 1) || ' month', '-1 day') || ' ' || time(ordered_at))) as next_month,
    cast(julianday(date(shipped_at)) - julianday(date(ordered_at)) as integer) as days_to_ship,
    date(ordered_at, '-6 day', 'weekday 1') as order_week,
    date(date(ordered_at, 'start of month'), '+1 month', '-1 day') as month_end,
    current_timestamp as loaded_at,
    current_timestamp::timestamp as loaded_at_old,
    current_timestamp::timestamp as loaded_at_utc_old
from main."orders"
where 1 > 0
except
select * from main."orders"
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
        datetime('2024-01-01', (row_number() over (order by 1) - 1) || ' day')
    ) as date_day
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_day <= '2024-01-31'
)
select * from filtered) as spine