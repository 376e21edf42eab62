select
    first(status) as any_status,
    bool_or(is_returned) as any_returned,
    array_join(slice(collect_list(status), 1, 3), ', ') as statuses,
    cast(is_returned as string) as returned_text,
    concat(first_name, ' ', last_name) as full_name,
    md5(cast(customer_id as string)) as customer_hash,
    length(last_name) as name_length,
    locate('@', email) as at_sign,
    replace(phone, '-', '') as digits,
    right(phone, 4) as last_four,
    split_part(email, '@', 2) as domain,
    'O\\'Brien' as surname,
    try_cast(amount as decimal(28,6)) as amount,
    cast(amount as float) as amount_float,
    cast(id as integer) as id_int,
    cast(id as bigint) as id_bigint,
    cast(code as string) as code,
    cast(ordered_at as timestamp) as ordered_ts,
    cast(flag as boolean) as flag,
    (status = 'open') as is_open,
    array( 1 , 2 ) as pair,
    array(  ) as nothing,
    concat(tags, array( 'new' )) as more_tags,
    concat(tags, other_tags) as all_tags,
    to_date('2024-02-29', 'yyyy-MM-dd') as leap_day,
    timestampadd(month, 1, ordered_at) as next_month,
    timestampdiff(day, date_trunc('day', ordered_at), date_trunc('day', shipped_at)) as days_to_ship,
    date_trunc('week', ordered_at) as order_week,
    last_day(ordered_at) as month_end,
    current_timestamp() as loaded_at,
    current_timestamp::timestamp as loaded_at_old,
    current_timestamp::timestamp as loaded_at_utc_old
from `main`.`analytics`.`orders`
where 1 > 0
except
select * from `main`.`analytics`.`orders`
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
        timestampadd(day, row_number() over (order by 1) - 1, '2024-01-01')
    ) as date_day
    from rawdata
),
filtered as (
    select *
    from all_periods
    where date_day <= '2024-01-31'
)
select * from filtered) as spine