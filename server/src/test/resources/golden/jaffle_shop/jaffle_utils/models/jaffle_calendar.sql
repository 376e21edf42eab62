with days as (

    select cast(day_start as date) as date_day
    from generate_series(
        cast('2023-01-01' as timestamp),
        cast('2023-12-31' as timestamp),
        interval '1 day'
    ) as g(day_start)

)

select
    date_day,
    dayname(date_day) as day_of_week,
    cast(date_trunc('week', date_day) as date) as week_start,
    cast(date_trunc('month', date_day) as date) as month_start,
    cast(((date_trunc('month', date_day) + ((interval '1 month') * (1))) + ((interval '1 day') * (-1))) as date) as month_end
from days