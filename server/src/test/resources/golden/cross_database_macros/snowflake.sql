select
    any_value(status) as any_status,
    boolor_agg(is_returned) as any_returned,
    array_to_string(array_slice(array_agg(status) within group (order by ordered_at), 0, 3), ', ') as statuses,
    cast(is_returned as TEXT) as returned_text,
    concat(first_name, ' ', last_name) as full_name,
    md5(cast(customer_id as TEXT)) as customer_hash,
    length(last_name) as name_length,
    position('@' in email) as at_sign,
    replace(phone, '-', '') as digits,
    right(phone, 4) as last_four,
    split_part(email, '@', 2) as domain,
    'O''''Brien' as surname,
    try_cast(cast(amount as varchar) as numeric(28,6)) as amount,
    cast(amount as float) as amount_float,
    cast(id as integer) as id_int,
    cast(id as bigint) as id_bigint,
    cast(code as TEXT) as code,
    cast(ordered_at as timestamp) as ordered_ts,
    cast(flag as boolean) as flag,
    (status = 'open') as is_open,
    array_construct( 1 , 2 ) as pair,
    array_construct(  ) as nothing,
    array_append(tags, 'new') as more_tags,
    array_cat(tags, other_tags) as all_tags,
    to_date('2024-02-29', 'YYYY-MM-DD') as leap_day,
    dateadd(month, 1, ordered_at) as next_month,
    datediff(day, ordered_at, shipped_at) as days_to_ship,
    date_trunc('week', ordered_at) as order_week,
    last_day(ordered_at, 'month') as month_end,
    current_timestamp() as loaded_at,
    current_timestamp::timestamp as loaded_at_old,
    convert_timezone('UTC', current_timestamp::timestamp)::timestamp as loaded_at_utc_old
from WH.ANALYTICS.orders
where 1 > 0
except
select * from WH.ANALYTICS.orders
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