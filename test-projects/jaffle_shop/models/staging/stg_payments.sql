with source as (

    select * from {{ source('shop_raw', 'shop_payments') }}

),

renamed as (

    select
        payment_id,
        order_id,
        payment_method,
        amount_cents,
        {{ jaffle_utils.cents_to_dollars('amount_cents') }} as amount,
        {{ dbt.safe_cast('paid_at', dbt.type_timestamp()) }} as paid_at
    from source

)

select * from renamed
