{{
    config(
        materialized='table',
        tags=['core'],
        contract={'enforced': true}
    )
}}

with orders as (

    select * from {{ ref('stg_orders') }}

),

payments as (

    select * from {{ ref('order_payments') }}

),

joined as (

    select
        orders.order_id,
        orders.customer_id,
        orders.order_date,
        orders.ordered_at,
        orders.store_code,
        orders.status,
        orders.is_returned,
        {%- for method in var('payment_methods') %}
        cast(coalesce(payments.{{ method }}_amount, 0) as {{ dbt.type_numeric() }}) as {{ method }}_amount,
        {%- endfor %}
        cast(coalesce(payments.total_amount, 0) as {{ dbt.type_numeric() }}) as amount,
        {{ order_value_band('coalesce(payments.total_amount, 0)') }} as value_band,
        cast({{ dbt.datediff('orders.ordered_at', 'payments.last_paid_at', 'minute') }} as {{ dbt.type_bigint() }}) as minutes_to_pay,
        cast(row_number() over (
            partition by orders.customer_id
            order by orders.ordered_at, orders.order_id
        ) as {{ dbt.type_bigint() }}) as customer_order_number
    from orders
    left join payments
        on orders.order_id = payments.order_id

)

select * from joined
