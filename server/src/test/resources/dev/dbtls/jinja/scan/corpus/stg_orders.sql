{{
    config(
        materialized='view',
        tags=['staging', "orders"],
        enabled=true,
        meta={'owner': 'data-eng', 'sla_hours': 24}
    )
}}

with source as (

    select * from {{ source('shop', 'raw_orders') }}

),

renamed as (

    select
        id as order_id,
        user_id as customer_id,
        order_date,
        status,
        -- amounts are stored in cents
        {{ cents_to_dollars('amount') }} as amount

    from source
    where order_date >= '{{ var("start_date", "2018-01-01") }}'

)

select * from renamed
