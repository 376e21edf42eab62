select
    min(status) as any_status,
    max(is_returned) as any_returned,
    substring_index(group_concat(status order by ordered_at separator ', '), ', ', 3) as statuses,
    case when is_returned is null then null when is_returned then 'true' else 'false' end as returned_text,
    concat(first_name, ' ', last_name) as full_name,
    md5(cast(customer_id as char)) as customer_hash,
    char_length(last_name) as name_length,
    position('@' in email) as at_sign,
    replace(phone, '-', '') as digits,
    right(phone, 4) as last_four,
    substring_index(substring_index(email, '@', 2), '@', -1) as domain,
    'O''''Brien' as surname,
    cast(amount as numeric(28,6)) as amount,
    cast(amount as float) as amount_float,
    cast(id as integer) as id_int,
    cast(id as bigint) as id_bigint,
    cast(code as TEXT) as code,
    cast(ordered_at as DATETIME) as ordered_ts,
    cast(flag as boolean) as flag,
    (status = 'open') as is_open,
    array[ 1 , 2 ] as pair,
    array[]::integer[] as nothing,
    array_append(tags, 'new') as more_tags,
    array_cat(tags, other_tags) as all_tags,
    to_date('2024-02-29', 'YYYY-MM-DD') as leap_day,
    date_add(ordered_at, interval 1 month) as next_month,
    datediff(shipped_at, ordered_at) as days_to_ship,
    date_sub(date(ordered_at), interval weekday(ordered_at) day) as order_week,
    last_day(ordered_at) as month_end,
    current_timestamp as loaded_at,
    current_timestamp::timestamp as loaded_at_old,
    current_timestamp::timestamp as loaded_at_utc_old
from `analytics`.`orders`
where 1 > 0
except
select * from `analytics`.`orders`
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
        date_add('2024-01-01', interval row_number() over (order by 1) - 1 day)
    ) as date_day
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_day <= '2024-01-31'
)
select * from filtered) as spine