select
    any_value(status) as any_status,
    bool_or(is_returned) as any_returned,
    array_to_string(list_slice(array_agg(status order by ordered_at), 1, 3), ', ') as statuses,
    cast(is_returned as TEXT) as returned_text,
    first_name || ' ' || last_name as full_name,
    md5(cast(customer_id as TEXT)) as customer_hash,
    length(last_name) as name_length,
    position('@' in email) as at_sign,
    replace(phone, '-', '') as digits,
    right(phone, 4) as last_four,
    split_part(email, '@', 2) as domain,
    'O''''Brien' as surname,
    try_cast(amount as numeric(28,6)) as amount,
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
    make_date(2024, 2, 29) as leap_day,
    (ordered_at + ((interval '1 month') * (1))) as next_month,
    date_diff('day', date_trunc('day', cast(ordered_at as timestamp)), date_trunc('day', cast(shipped_at as timestamp))) as days_to_ship,
    date_trunc('week', ordered_at) as order_week,
    cast(((date_trunc('month', ordered_at) + ((interval '1 month') * (1))) + ((interval '1 day') * (-1))) as date) as month_end,
    now() as loaded_at,
    current_timestamp::timestamp as loaded_at_old,
    current_timestamp::timestamp as loaded_at_utc_old
from "shop"."main"."orders"
where 1 > 0
except
select * from "shop"."main"."orders"
intersect
select * from (select generate_series as generated_number
from generate_series(1, 3)) as series
union all
select * from (with rawdata as (
select generate_series as generated_number
from generate_series(1, 1)
),
all_periods as (
    select (
        ('2024-01-01' + ((interval '1 day') * (row_number() over (order by 1) - 1)))
    ) as date_day
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_day <= '2024-01-31'
)
select * from filtered) as spine