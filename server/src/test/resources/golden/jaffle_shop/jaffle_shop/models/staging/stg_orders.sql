

with source as (

    select * from "jaffle_shop"."main_raw"."shop_orders"

),

renamed as (

    select
        order_id,
        customer_id,
        ordered_at,
        cast(date_trunc('day', ordered_at) as date) as order_date,
        store_code,
        status,
        status in ('returned', 'return_pending') as is_returned,
        -- dbt's cross-database macros can be called without the `dbt.` prefix too
        cast((ordered_at + ((interval '1 day') * (14))) as date) as return_deadline
    from source
    where ordered_at >= cast('2023-01-01' as timestamp)

)

select * from renamed