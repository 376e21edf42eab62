{#- One row per day between the package vars calendar_start and calendar_end. -#}
with days as (

    select cast(day_start as date) as date_day
    from generate_series(
        cast('{{ var("calendar_start") }}' as timestamp),
        cast('{{ var("calendar_end") }}' as timestamp),
        interval '1 day'
    ) as g(day_start)

)

select
    date_day,
    {{ jaffle_utils.day_name('date_day') }} as day_of_week,
    cast({{ dbt.date_trunc('week', 'date_day') }} as date) as week_start,
    cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start,
    {{ dbt.last_day('date_day', 'month') }} as month_end
from days
