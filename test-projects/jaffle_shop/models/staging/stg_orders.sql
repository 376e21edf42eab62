{{ config(tags=['orders']) }}

with source as (

    select * from {{ ref('shop_orders') }}

),

renamed as (

    select
        order_id,
        customer_id,
        ordered_at,
        cast({{ dbt.date_trunc('day', 'ordered_at') }} as date) as order_date,
        store_code,
        status,
        status in ('returned', 'return_pending') as is_returned,
        -- dbt's cross-database macros can be called without the `dbt.` prefix too
        cast({{ dateadd('day', 14, 'ordered_at') }} as date) as return_deadline
    from source
    where ordered_at >= cast('{{ var("first_order_date") }}' as timestamp)

)

select * from renamed
