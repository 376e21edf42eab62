with source as (

    select * from "jaffle_shop"."main_raw"."shop_payments"

),

renamed as (

    select
        payment_id,
        order_id,
        payment_method,
        amount_cents,
        round(cast(amount_cents as decimal(18, 4)) / 100, 2) as amount,
        try_cast(paid_at as timestamp) as paid_at
    from source

)

select * from renamed